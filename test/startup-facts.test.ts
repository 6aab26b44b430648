import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model.js';
import type { StartupFacts } from '../src/model/startup-facts.js';
import { parseProperties } from '../src/parse/properties.js';

function facts(text: string, kafkaVersion = '3.9'): StartupFacts {
  const model = buildModel('server.properties', parseProperties(text), { kafkaVersion });
  return model.document['$derived'] as StartupFacts;
}

const KRAFT_BROKER = 'process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@c1:9093\n';

describe('effective listener security protocol map', () => {
  it('maps controller names to PLAINTEXT on KRaft nodes when the file sets no map', () => {
    const map = facts(`${KRAFT_BROKER}controller.listener.names=CONTROLLER\nlisteners=PLAINTEXT://:9092`)['listener.security.protocol.map'];
    expect(map.names).toContain('CONTROLLER');
  });

  it('keys the implicit entry by the name as written, so a lower-case name never resolves upper-cased', () => {
    const derived = facts(`${KRAFT_BROKER}controller.listener.names=controller\nlisteners=PLAINTEXT://:9092`);
    expect(derived['listener.security.protocol.map'].names).toContain('controller');
    expect(derived['listener.security.protocol.map'].names).not.toContain('CONTROLLER');
    expect(derived['controller.listener.names'].normalised).toEqual(['CONTROLLER']);
  });

  it('adds no implicit entry once an SSL or SASL listener is in use, or the map is set, or before 3.1', () => {
    const withSsl = facts(`${KRAFT_BROKER}controller.listener.names=CONTROLLER\nlisteners=SSL://:9093`);
    const withMap = facts(`${KRAFT_BROKER}controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT`);
    const early = facts(`${KRAFT_BROKER}controller.listener.names=CONTROLLER`, '3.0');
    for (const derived of [withSsl, withMap, early]) {
      expect(derived['listener.security.protocol.map'].names).not.toContain('CONTROLLER');
    }
  });

  it('never adds it in ZooKeeper mode', () => {
    const map = facts('zookeeper.connect=zk:2181\ncontroller.listener.names=CONTROLLER')['listener.security.protocol.map'];
    expect(map.names).not.toContain('CONTROLLER');
  });
});

describe('controller.listener.names', () => {
  it('keeps the blank after a comma up to 4.0 and trims it from 4.1', () => {
    const text = `${KRAFT_BROKER}controller.listener.names=A, B`;
    expect(facts(text, '4.0')['controller.listener.names'].names).toEqual(['A', ' B']);
    expect(facts(text, '4.1')['controller.listener.names'].names).toEqual(['A', 'B']);
  });
});

describe('advertised listeners of a broker', () => {
  const combined = 'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@n1:9093\n'
    + 'controller.listener.names=CONTROLLER\nlisteners=PLAINTEXT://:9092,CONTROLLER://:9093\n';

  it('inherits listeners minus the controller listeners when advertised.listeners is unset', () => {
    expect(facts(combined)['advertised.listeners'].brokerNames).toEqual(['PLAINTEXT']);
  });

  it('takes an explicit advertised.listeners as written before 3.9 and filters controllers out from 3.9', () => {
    const text = `${combined}advertised.listeners=PLAINTEXT://n1:9092,CONTROLLER://n1:9093`;
    expect(facts(text, '3.8')['advertised.listeners'].brokerNames).toEqual(['PLAINTEXT', 'CONTROLLER']);
    expect(facts(text, '3.9')['advertised.listeners'].brokerNames).toEqual(['PLAINTEXT']);
  });

  it('reports inherited and explicit 0.0.0.0 endpoints separately', () => {
    expect(facts(`${KRAFT_BROKER}listeners=PLAINTEXT://0.0.0.0:9092`).listeners.advertisedWildcardEntries)
      .toEqual(['PLAINTEXT://0.0.0.0:9092']);
    const explicit = facts(`${KRAFT_BROKER}listeners=PLAINTEXT://0.0.0.0:9092\nadvertised.listeners=PLAINTEXT://0.0.0.0:9092`);
    expect(explicit.listeners.advertisedWildcardEntries).toEqual([]);
    expect(explicit['advertised.listeners'].wildcardEntries).toEqual(['PLAINTEXT://0.0.0.0:9092']);
  });

  it('advertises advertised.host.name in 2.8 when advertised.listeners is unset', () => {
    const derived = facts('zookeeper.connect=zk:2181\nlisteners=PLAINTEXT://0.0.0.0:9092\nadvertised.host.name=broker1', '2.8');
    expect(derived.listeners.advertisedWildcardEntries).toEqual([]);
    expect(derived['advertised.listeners'].brokerNames).toEqual(['PLAINTEXT']);
  });

  it('leaves the advertised set out when an entry cannot be read, instead of guessing', () => {
    const derived = facts(`${KRAFT_BROKER}listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://\${HOST}:9092`);
    expect(derived['advertised.listeners'].brokerNames).toBeUndefined();
  });
});

describe('listener ports', () => {
  it('lets an IPv4 and an IPv6 literal share a port from 3.6 only', () => {
    const text = 'listeners=A://10.0.0.1:9092,B://[::1]:9092';
    expect(facts(text, '3.5').listeners.clashingPorts).toEqual(['9092']);
    expect(facts(text, '3.6').listeners.clashingPorts).toEqual([]);
  });

  it('still refuses the pair when a host name shares the port', () => {
    expect(facts('listeners=A://10.0.0.1:9092,B://[::1]:9092,C://broker:9092').listeners.clashingPorts).toEqual(['9092']);
  });
});

describe('values Kafka computes from several keys', () => {
  it('reads retention from ms, else minutes, else hours, any negative as unlimited', () => {
    expect(facts('log.retention.hours=0\nlog.retention.ms=1000')['log.retention.ms'].effective).toBe(1000);
    expect(facts('log.retention.minutes=0')['log.retention.ms'].effective).toBe(0);
    expect(facts('log.retention.hours=-5')['log.retention.ms'].effective).toBe(-1);
  });

  it('uses log.dirs whenever it is set, even empty', () => {
    expect(facts('log.dirs=\nlog.dir=/data')['log.dirs'].dirs).toEqual([]);
    expect(facts('log.dir=/data')['log.dirs'].dirs).toEqual(['/data']);
  });

  it('divides the dedupe buffer by the cleaner threads as integers, null for no threads', () => {
    expect(facts('log.cleaner.dedupe.buffer.size=3145727\nlog.cleaner.threads=3')['log.cleaner.dedupe.buffer.size'].perThread).toBe(1048575);
    expect(facts('log.cleaner.threads=0')['log.cleaner.dedupe.buffer.size'].perThread).toBeNull();
  });

  it('resolves the inter-broker listener and the SASL mechanisms enabled on it', () => {
    const derived = facts('listener.security.protocol.map=INTERNAL:SASL_SSL\ninter.broker.listener.name=internal\n'
      + 'sasl.enabled.mechanisms=GSSAPI\nlistener.name.internal.sasl.enabled.mechanisms=SCRAM-SHA-512');
    expect(derived['inter.broker.listener.name']).toEqual({ name: 'INTERNAL', protocol: 'SASL_SSL', saslEnabledMechanisms: ['SCRAM-SHA-512'] });
  });
});
