import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { decodeStructures } from '../src/model/decode.js';
import { decodeListeners } from '../src/model/listeners.js';
import { decodeProtocolMap } from '../src/model/protocol-map.js';
import { decodeBootstrapServers, decodeVoters } from '../src/model/voters.js';
import { decodeZooKeeperConnect } from '../src/model/zookeeper-connect.js';

const NO_HOST_FACTS = { ipv4Literal: false, ipv6: false, wildcard: false, loopback: false };

describe('listeners', () => {
  it('reads a bracketed IPv6 loopback listener', () => {
    expect(decodeListeners('PLAINTEXT://[::1]:9092')).toEqual([{
      text: 'PLAINTEXT://[::1]:9092', name: 'PLAINTEXT', host: '::1', port: 9092,
      ipv4Literal: false, ipv6: true, wildcard: false, loopback: true, valid: true,
    }]);
  });

  it('upper-cases the name and keeps an empty host as the default interface', () => {
    const [listener] = decodeListeners('plaintext://:9092');
    expect(listener).toMatchObject({ name: 'PLAINTEXT', host: '', port: 9092, valid: true, ...NO_HOST_FACTS });
  });

  it('marks 0.0.0.0 and [::] as wildcards', () => {
    const listeners = decodeListeners('PLAINTEXT://0.0.0.0:9092,EXTERNAL://[::]:9093');
    expect(listeners.map((l) => [l.wildcard, l.ipv4Literal, l.ipv6])).toEqual([[true, true, false], [true, false, true]]);
  });

  it('marks localhost and 127.x as loopback', () => {
    const listeners = decodeListeners('A://localhost:1,B://127.1.2.3:2,C://broker1:3');
    expect(listeners.map((l) => l.loopback)).toEqual([true, true, false]);
  });

  it('accepts negative and above-65535 ports, which Kafka only refuses when binding', () => {
    const listeners = decodeListeners('A://h:-1,B://h:70000');
    expect(listeners.map((l) => [l.port, l.valid])).toEqual([[-1, true], [70000, true]]);
  });

  it('refuses a port beyond 32 bits, which Integer.parseInt cannot read', () => {
    const [listener] = decodeListeners('PLAINTEXT://h:99999999999');
    expect(listener).toMatchObject({ host: 'h', port: null, valid: false, error: 'port 99999999999 is not a 32-bit integer' });
  });

  it('reads an unbracketed IPv6 host by backtracking to the last colon', () => {
    const [listener] = decodeListeners('PLAINTEXT://::1:9092');
    expect(listener).toMatchObject({ host: '::1', port: 9092, ipv6: true, loopback: true, valid: true });
  });

  it('reports an entry without a port, and one without a name', () => {
    expect(decodeListeners('PLAINTEXT://broker1,://broker1:9092').map((l) => [l.name, l.valid, l.error])).toEqual([
      [null, false, 'not of the form NAME://host:port'],
      [null, false, 'empty listener name'],
    ]);
  });

  it('refuses a name crossing a line terminator that Java regexes do not match with a dot', () => {
    expect(decodeListeners('PLAIN\u0085TEXT://h:9092')[0]?.valid).toBe(false);
  });

  it('drops empty entries of a STRING value like Csv.parseCsvList', () => {
    expect(decodeListeners('PLAINTEXT://:9092 ,\tSSL://:9093,').map((l) => l.text)).toEqual(['PLAINTEXT://:9092', 'SSL://:9093']);
    expect(decodeListeners('')).toEqual([]);
  });

  it('reports an empty element of a LIST value (Kafka 4.2+)', () => {
    const listeners = decodeListeners(['PLAINTEXT://:9092', '']);
    expect(listeners[1]).toEqual({ text: '', name: null, host: null, port: null, ...NO_HOST_FACTS, valid: false, error: 'empty entry' });
  });
});

describe('listener.security.protocol.map', () => {
  it('reads the default map without problems', () => {
    const map = decodeProtocolMap('SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT');
    expect(map.entries.every((e) => e.valid)).toBe(true);
    expect(map.duplicates).toEqual([]);
  });

  it('upper-cases names and protocols, accepting a protocol in any case', () => {
    expect(decodeProtocolMap('internal : sasl_ssl')).toEqual({
      entries: [{ text: 'internal : sasl_ssl', name: 'INTERNAL', protocol: 'SASL_SSL', valid: true }],
      duplicates: [],
    });
  });

  it('lists a name mapped twice, whatever its case', () => {
    expect(decodeProtocolMap('INTERNAL:SSL,CLIENT:SSL,internal:PLAINTEXT').duplicates).toEqual(['INTERNAL']);
  });

  it('reports an unknown protocol as written', () => {
    expect(decodeProtocolMap('CLIENT:TLS').entries[0]).toEqual({
      text: 'CLIENT:TLS', name: 'CLIENT', protocol: 'TLS', valid: false, error: 'unknown security protocol "TLS"',
    });
  });

  it('splits each entry at its last colon', () => {
    expect(decodeProtocolMap('A:B:SSL').entries[0]).toMatchObject({ name: 'A:B', protocol: 'SSL', valid: true });
  });

  it('reports an entry without a colon and one with an empty name', () => {
    expect(decodeProtocolMap('CONTROLLER,:SSL').entries.map((e) => e.error)).toEqual([
      'no ":" between listener name and protocol', 'empty listener name',
    ]);
  });

  it('ignores a trailing comma but reports a leading or doubled one', () => {
    expect(decodeProtocolMap('A:SSL,').entries).toHaveLength(1);
    expect(decodeProtocolMap(',A:SSL').entries.map((e) => e.valid)).toEqual([false, true]);
    expect(decodeProtocolMap('A:SSL,,B:SSL').entries.map((e) => e.valid)).toEqual([true, false, true]);
  });

  it('reads an empty value as an empty map', () => {
    expect(decodeProtocolMap('')).toEqual({ entries: [], duplicates: [] });
  });
});

describe('controller.quorum.voters', () => {
  it('reads a bracketed IPv6 voter', () => {
    expect(decodeVoters('1@[::1]:9093')).toEqual([{
      text: '1@[::1]:9093', id: 1, host: '::1', port: 9093,
      ipv4Literal: false, ipv6: true, wildcard: false, loopback: true, valid: true,
    }]);
  });

  it('reads an empty value as no voters', () => {
    expect(decodeVoters('')).toEqual([]);
  });

  it('reports the empty entry a trailing comma leaves', () => {
    const voters = decodeVoters('1@host:9093,');
    expect(voters.map((v) => [v.text, v.valid])).toEqual([['1@host:9093', true], ['', false]]);
    expect(voters[1]?.error).toBe('not of the form {id}@{host}:{port}');
  });

  it('accepts a trailing @ (Java drops trailing empty parts) but not a doubled one', () => {
    expect(decodeVoters('1@host:9093@,2@@host:9093').map((v) => v.valid)).toEqual([true, false]);
  });

  it('reports an id Integer.parseInt cannot read, keeping the address', () => {
    expect(decodeVoters('a@host:9093,1 @host:9093').map((v) => [v.id, v.host, v.valid])).toEqual([
      [null, 'host', false], [null, 'host', false],
    ]);
  });

  it('keeps a 0.0.0.0 voter valid but marked as wildcard, as the config validator does', () => {
    expect(decodeVoters('1@0.0.0.0:9093')[0]).toMatchObject({ valid: true, wildcard: true });
  });

  it('refuses a port above 65535 and an address without a port', () => {
    expect(decodeVoters('1@host:70000,2@host').map((v) => v.error)).toEqual([
      'port 70000 is outside 0-65535', 'not of the form {host}:{port}',
    ]);
  });

  it('accepts the optional scheme and an empty host of the host:port pattern', () => {
    expect(decodeVoters('1@CONTROLLER://c1:9093,2@:9093').map((v) => [v.host, v.valid])).toEqual([['c1', true], ['', true]]);
  });

  it('decodes each element of an already split list', () => {
    expect(decodeVoters(['1@c1:9093', '']).map((v) => v.valid)).toEqual([true, false]);
  });
});

describe('controller.quorum.bootstrap.servers', () => {
  it('reads host:port entries and reports a missing port and a trailing comma', () => {
    expect(decodeBootstrapServers('c1:9093,[::1]:9093,c2,').map((s) => [s.host, s.port, s.valid])).toEqual([
      ['c1', 9093, true], ['::1', 9093, true], [null, null, false], [null, null, false],
    ]);
  });
});

describe('zookeeper.connect', () => {
  it('reads hosts and a chroot written once at the end', () => {
    expect(decodeZooKeeperConnect('h1:2181,h2:2181,h3:2181/kafka')).toEqual({
      hosts: [
        { text: 'h1:2181', host: 'h1', port: 2181, portValid: true, valid: true },
        { text: 'h2:2181', host: 'h2', port: 2181, portValid: true, valid: true },
        { text: 'h3:2181', host: 'h3', port: 2181, portValid: true, valid: true },
      ],
      chroot: '/kafka', chrootValid: true, chrootCount: 1, duplicateHosts: [],
    });
  });

  it('reads a chroot after every host as one host and a long chroot', () => {
    const connect = decodeZooKeeperConnect('h1:2181/kafka,h2:2181/kafka');
    expect(connect.hosts.map((h) => h.text)).toEqual(['h1:2181']);
    expect(connect).toMatchObject({ chroot: '/kafka,h2:2181/kafka', chrootValid: true, chrootCount: 2 });
  });

  it('refuses a chroot ending with a slash, as ZooKeeper does', () => {
    expect(decodeZooKeeperConnect('h1:2181/kafka/')).toMatchObject({ chroot: '/kafka/', chrootValid: false, chrootError: 'must not end with /' });
    expect(decodeZooKeeperConnect('h1:2181//')).toMatchObject({ chrootValid: false, chrootError: 'must not end with /' });
  });

  it('refuses empty, relative and control-character path segments', () => {
    const errors = ['h1//kafka', 'h1/kafka/./x', 'h1/kafka/..', 'h1/ka\u0001fka']
      .map((value) => decodeZooKeeperConnect(value).chrootError);
    expect(errors).toEqual(['empty node name at 1', 'relative path (.) at 7', 'relative path (..) at 8', 'invalid character U+0001 at 3']);
  });

  it('treats a chroot of just / as none', () => {
    expect(decodeZooKeeperConnect('h1:2181/')).toMatchObject({ chroot: null, chrootValid: true, chrootCount: 1 });
  });

  it('defaults a missing port, or a bare trailing colon, to 2181', () => {
    expect(decodeZooKeeperConnect('h1,h2:').hosts.map((h) => [h.host, h.port])).toEqual([['h1', 2181], ['h2', 2181]]);
  });

  it('reports unreadable and out-of-range ports', () => {
    expect(decodeZooKeeperConnect('h1:abc,h2:70000').hosts).toEqual([
      { text: 'h1:abc', host: 'h1', port: null, portValid: false, valid: false, error: 'port "abc" is not a number' },
      { text: 'h2:70000', host: 'h2', port: 70000, portValid: false, valid: false, error: 'port 70000 is outside 0-65535' },
    ]);
  });

  it('reads bracketed IPv6 hosts and reports malformed brackets', () => {
    const hosts = decodeZooKeeperConnect('[::1]:2182,[::2],[::3,[::4]x,[::5]:,[]:2181').hosts;
    expect(hosts.map((h) => [h.host, h.port, h.error ?? null])).toEqual([
      ['::1', 2182, null],
      ['::2', 2181, null],
      [null, null, "starts with '[' but has no matching ']'"],
      [null, null, "no ':' after ']'"],
      [null, null, "no port after ':'"],
      [null, null, 'empty host in brackets'],
    ]);
  });

  it('cuts an unbracketed IPv6 host at its last colon, as ZooKeeper does', () => {
    expect(decodeZooKeeperConnect('::1').hosts[0]).toMatchObject({ host: ':', port: 1, valid: true });
  });

  it('trims hosts, drops empty ones and lists repeated host:port pairs', () => {
    const connect = decodeZooKeeperConnect(' h1:2181 , ,H1,h2:2181');
    expect(connect.hosts.map((h) => h.text)).toEqual(['h1:2181', 'H1', 'h2:2181']);
    expect(connect.duplicateHosts).toEqual(['h1:2181']);
  });

  it('reads a value that is only a chroot as no hosts', () => {
    expect(decodeZooKeeperConnect('/kafka')).toMatchObject({ hosts: [], chroot: '/kafka', chrootCount: 0 });
  });
});

describe('decodeStructures', () => {
  const effective = {
    'listeners': ['CONTROLLER://:9093', 'PLAINTEXT://0.0.0.0:9092'],
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'controller.quorum.voters': ['1@c1:9093', ''],
    'zookeeper.connect': 'h1:2181,h2:2181:x',
    'num.partitions': 1,
    'advertised.listeners': 'PLAINTEXT://broker1:9092',
  };

  it('decodes only the structured keys present, under their own names', () => {
    expect(Object.keys(decodeStructures(effective)).sort()).toEqual([
      'advertised.listeners', 'controller.quorum.voters', 'listener.security.protocol.map', 'listeners', 'zookeeper.connect',
    ]);
    expect(decodeStructures({ 'num.partitions': 3 })).toEqual({});
  });

  it('returns plain JSON with no undefined values', () => {
    const decoded = decodeStructures(effective);
    expect(JSON.parse(JSON.stringify(decoded))).toStrictEqual(decoded);
  });

  it('lets a JSON Schema error point into a decoded key', () => {
    const object = (properties: object) => ({ type: 'object', properties });
    const validate = new Ajv({ allErrors: true }).compile(object({
      $decoded: object({ 'zookeeper.connect': object({
        hosts: { type: 'array', items: object({ valid: { type: 'boolean', const: true } }) },
      }) }),
    }));
    validate({ $decoded: decodeStructures(effective) });
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/$decoded/zookeeper.connect/hosts/1/valid']);
  });
});
