import { describe, expect, it } from 'vitest';
import { exposureOf } from '../src/model/endpoints.js';
import { enabledSaslMechanisms } from '../src/model/startup-facts.js';
import { buildModel } from '../src/model/model.js';
import { parseProperties } from '../src/parse/properties.js';

const model = (text: string, kafkaVersion = '3.9') => buildModel('test.properties', parseProperties(text), { kafkaVersion });

describe('node exposure', () => {
  it('maps controller listener names to PLAINTEXT implicitly when no protocol map is written', () => {
    const { bound } = exposureOf(model('process.roles=controller\nnode.id=1\ncontroller.listener.names=CONTROLLER\n'
      + 'listeners=CONTROLLER://c1.example.com:9093\n'));
    expect(bound).toEqual([{ name: 'CONTROLLER', host: 'c1.example.com', port: 9093, protocol: 'PLAINTEXT', controller: true, reachable: true }]);
  });

  it('gives no implicit mapping once an SSL or SASL listener name is in use, as Kafka does', () => {
    const { bound } = exposureOf(model('process.roles=broker,controller\nnode.id=1\ncontroller.listener.names=CONTROLLER\n'
      + 'listeners=SASL_SSL://:9092,CONTROLLER://:9093\n'));
    expect(bound.map((e) => [e.name, e.protocol])).toEqual([['SASL_SSL', 'SASL_SSL'], ['CONTROLLER', null]]);
  });

  it('reads the default listener of a ZooKeeper broker as PLAINTEXT on every interface', () => {
    const { bound, advertised } = exposureOf(model('zookeeper.connect=zk1:2181\n'));
    expect(bound).toEqual([{ name: 'PLAINTEXT', host: '', port: 9092, protocol: 'PLAINTEXT', controller: false, reachable: true }]);
    expect(advertised).toEqual(bound);
  });

  it('advertises listeners when advertised.listeners is unset, without the controller endpoints', () => {
    const { advertised } = exposureOf(model('process.roles=broker,controller\nnode.id=1\ncontroller.listener.names=CONTROLLER\n'
      + 'listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093\n'));
    expect(advertised.map((e) => [e.name, e.reachable])).toEqual([['PLAINTEXT', false]]);
  });

  it('collects the non-loopback hosts of voters and ZooKeeper servers', () => {
    expect(exposureOf(model('zookeeper.connect=localhost:2181,zk2.example.com:2181/kafka\n')).remoteHosts).toEqual(['zk2.example.com']);
    expect(exposureOf(model('process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@127.0.0.1:9093,2@10.0.0.2:9093\n')).remoteHosts)
      .toEqual(['10.0.0.2']);
  });

  it('takes a listener\'s SASL mechanisms from its listener.name prefix before the broker-wide key', () => {
    const m = model('sasl.enabled.mechanisms=SCRAM-SHA-512\nlistener.name.client.sasl.enabled.mechanisms=PLAIN, SCRAM-SHA-256\n');
    expect(enabledSaslMechanisms(m.values, m.effective, 'CLIENT')).toEqual(['PLAIN', 'SCRAM-SHA-256']);
    expect(enabledSaslMechanisms(m.values, m.effective, 'BROKER')).toEqual(['SCRAM-SHA-512']);
  });

  it('knows the protocols of the connections a node opens: inter-broker listener and first controller listener', () => {
    const broker = model('process.roles=broker\nnode.id=4\ncontroller.listener.names=CONTROLLER\ninter.broker.listener.name=INTERNAL\n'
      + 'listeners=INTERNAL://:9092\nlistener.security.protocol.map=INTERNAL:SASL_SSL,CONTROLLER:SSL\n');
    expect(exposureOf(broker).outbound).toEqual(['SASL_SSL', 'SSL']);
    expect(exposureOf(model('zookeeper.connect=zk1:2181\nsecurity.inter.broker.protocol=SSL\n')).outbound).toEqual(['SSL']);
  });
});
