import { exposureOf, type Endpoint } from '../model/endpoints.js';
import { addressSourceKey, enabledSaslMechanisms } from '../model/startup-facts.js';
import type { FileModel } from '../model/model.js';
import type { CheckResult, FileCheck } from './check.js';

const NO_PARAMS = { type: 'object', additionalProperties: false };

const describe = (endpoints: Endpoint[]) => endpoints.map((e) => `${e.name}://${e.host}:${e.port}`).join(', ');

/** Findings on `listeners` (where the endpoints are written; the engine falls back when it is a default). */
function onListeners(model: FileModel, endpoints: Endpoint[]): CheckResult[] {
  return endpoints.length === 0 ? []
    : [{ key: addressSourceKey(model.values, model.catalog.keys, 'bound'), data: { endpoints: describe(endpoints) } }];
}

/** Listeners other machines can reach that carry no encryption and no authentication. */
const plaintextExposure: FileCheck = {
  name: 'plaintext-exposure',
  params: NO_PARAMS,
  run: (model) => onListeners(model, exposureOf(model).bound.filter((e) => e.protocol === 'PLAINTEXT' && e.reachable)),
};

/** Authenticated listeners reachable from other machines while no authorizer restricts what a principal may do. */
const authenticationWithoutAuthorizer: FileCheck = {
  name: 'authentication-without-authorizer',
  params: NO_PARAMS,
  run(model) {
    if (model.effective['authorizer.class.name'] !== '') return [];
    return onListeners(model, exposureOf(model).bound.filter((e) => e.reachable && authenticates(model, e)));
  },
};

function authenticates(model: FileModel, endpoint: Endpoint): boolean {
  if (endpoint.protocol === 'SASL_PLAINTEXT' || endpoint.protocol === 'SASL_SSL') return true;
  return endpoint.protocol === 'SSL' && model.effective['ssl.client.auth'] === 'required';
}

/** SASL/PLAIN sends the password itself; over SASL_PLAINTEXT anyone on the path reads it. */
const plainOverCleartext: FileCheck = {
  name: 'sasl-plain-cleartext',
  params: NO_PARAMS,
  run: (model) => onListeners(model, exposureOf(model).bound.filter((e) =>
    e.protocol === 'SASL_PLAINTEXT' && e.reachable && enabledSaslMechanisms(model.values, model.effective, e.name).includes('PLAIN'))),
};

/**
 * Every advertised broker endpoint is loopback while the file names other machines (voters,
 * bootstrap servers, ZooKeeper hosts): the node is part of a multi-host setup, yet tells every
 * client and broker to connect to their own localhost.
 */
const loopbackAdvertisement: FileCheck = {
  name: 'loopback-advertisement',
  params: NO_PARAMS,
  run(model) {
    const { advertised, remoteHosts } = exposureOf(model);
    if (advertised.length === 0 || advertised.some((e) => e.reachable) || remoteHosts.length === 0) return [];
    return [{ key: addressSourceKey(model.values, model.catalog.keys, 'advertised'), data: { endpoints: describe(advertised), remote: remoteHosts.join(', ') } }];
  },
};

/**
 * Host-name verification switched off while this node opens TLS connections to other nodes (an
 * SSL or SASL_SSL inter-broker or controller listener); without such connections the setting
 * has nothing to verify.
 */
const hostnameVerificationOff: FileCheck = {
  name: 'hostname-verification-off',
  params: NO_PARAMS,
  run(model) {
    if (model.effective['ssl.endpoint.identification.algorithm'] !== '') return [];
    const tls = exposureOf(model).outbound.filter((p): p is string => p === 'SSL' || p === 'SASL_SSL');
    return tls.length === 0 ? [] : [{ key: 'ssl.endpoint.identification.algorithm', data: { protocols: [...new Set(tls)].join(', ') } }];
  },
};

export const listenerChecks = [plaintextExposure, authenticationWithoutAuthorizer, plainOverCleartext,
  loopbackAdvertisement, hostnameVerificationOff] as FileCheck<never>[];
