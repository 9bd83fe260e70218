// Container resources (cdk8s-plus) as Kubernetes quantities, for every pod the constructs describe.
import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from './errors';

/** Container resources as quantity strings. */
export interface ResourceQuantities {
  readonly requests?: { [resource: string]: string };
  readonly limits?: { [resource: string]: string };
}

/** Converts cdk8s-plus container resources to quantities, rejecting a request above its limit. */
export function renderResources(scope: IConstruct, field: string, resources: kplus.ContainerResources): ResourceQuantities {
  const requests: { [resource: string]: string } = {};
  const limits: { [resource: string]: string } = {};
  const cpu = resources.cpu;
  if (cpu?.request && cpu.limit && cpuMillis(cpu.request) > cpuMillis(cpu.limit)) {
    fail(scope, `${field}.cpu`, `the request (${cpu.request.amount}) is above the limit (${cpu.limit.amount}). Use a request no larger than the limit.`);
  }
  if (cpu?.request) requests.cpu = cpu.request.amount;
  if (cpu?.limit) limits.cpu = cpu.limit.amount;
  for (const [name, pair] of [['memory', resources.memory], ['ephemeral-storage', resources.ephemeralStorage]] as const) {
    if (pair?.request && pair.limit && kib(pair.request) > kib(pair.limit)) {
      fail(scope, `${field}.${name === 'memory' ? 'memory' : 'ephemeralStorage'}`, `the request (${pair.request.asString()}) is above the limit (${pair.limit.asString()}). Use a request no larger than the limit.`);
    }
    if (pair?.request) requests[name] = pair.request.asString();
    if (pair?.limit) limits[name] = pair.limit.asString();
  }
  return {
    ...(Object.keys(requests).length > 0 ? { requests } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
  };
}

function cpuMillis(cpu: kplus.Cpu): number {
  return cpu.amount.endsWith('m') ? Number(cpu.amount.slice(0, -1)) : Number(cpu.amount) * 1000;
}

function kib(size: Size): number {
  return size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}
