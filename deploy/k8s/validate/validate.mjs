// Validates the rendered manifests (one multi-document YAML file) offline: every object against the schema of its
// kind (Kubernetes and the operators' CRDs, from the kubernetes-models packages), then the platform's own rules.
// Exits non-zero, naming each problem, when anything is wrong.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as policy from 'kubernetes-models/policy/v1';
import * as cnpg from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import * as strimzi from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2';
import * as externalSecrets from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';

const MODELS = {
  'v1': core, 'apps/v1': apps, 'networking.k8s.io/v1': networking, 'autoscaling/v2': autoscaling,
  'policy/v1': policy, 'postgresql.cnpg.io/v1': cnpg, 'kafka.strimzi.io/v1beta2': strimzi,
  'external-secrets.io/v1': externalSecrets, 'monitoring.coreos.com/v1': monitoring,
};
// The Keycloak operator publishes no models package: its resources are checked for what the operator requires.
const KEYCLOAK = {
  'Keycloak': (o) => [o.spec?.db?.host ? null : 'spec.db.host is required', o.spec?.hostname?.hostname ? null : 'spec.hostname.hostname is required'],
  'KeycloakRealmImport': (o) => [o.spec?.keycloakCRName ? null : 'spec.keycloakCRName is required', o.spec?.realm?.realm ? null : 'spec.realm.realm is required'],
};

export function schemaProblems(object) {
  const where = `${object?.kind}/${object?.metadata?.name}`;
  if (object?.apiVersion === 'k8s.keycloak.org/v2alpha1' && KEYCLOAK[object.kind]) {
    return KEYCLOAK[object.kind](object).filter(Boolean).map((p) => `${where}: ${p}`);
  }
  const Model = MODELS[object?.apiVersion]?.[object?.kind];
  if (!Model) {
    return [`${where}: no schema known for ${object?.apiVersion} ${object?.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    return [`${where}: ${e.message}`];
  }
}

/** The platform's rules, beyond what the schemas say. */
export function ruleProblems(objects, repository) {
  const problems = [];
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const deployments = of('Deployment');
  if (deployments.length === 0) problems.push('no Deployment rendered');
  for (const d of deployments) {
    const name = d.metadata.name;
    const pod = d.spec.template.spec;
    for (const c of pod.containers) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (!c[probe]) problems.push(`Deployment/${name}: container ${c.name} has no ${probe}`);
      }
      for (const r of ['cpu', 'memory']) {
        if (!c.resources?.limits?.[r] && r === 'memory') problems.push(`Deployment/${name}: no memory limit`);
        if (!c.resources?.requests?.[r]) problems.push(`Deployment/${name}: no ${r} request`);
      }
      // Health and metrics only on the management port (issue 17): the probes use it, no Service exposes it, and
      // only the monitoring namespace may reach it.
      const management = (c.ports ?? []).find((p) => p.name === 'management')?.containerPort;
      if (!management) problems.push(`Deployment/${name}: container ${c.name} has no management port`);
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[probe]?.httpGet && c[probe].httpGet.port !== management) problems.push(`Deployment/${name}: ${probe} not on the management port`);
      }
      for (const s of of('Service').filter((s) => s.metadata.name === name)) {
        if ((s.spec.ports ?? []).some((p) => p.targetPort === management || p.targetPort === 'management'))
          problems.push(`Service/${name}: exposes the management port`);
      }
      for (const n of of('NetworkPolicy').filter((n) => n.metadata.name === name)) {
        for (const rule of n.spec.ingress ?? []) {
          const monitoring = (rule.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring');
          if ((rule.ports ?? []).some((p) => p.port === management) !== monitoring)
            problems.push(`NetworkPolicy/${name}: the management port must be open to monitoring only`);
        }
      }
      const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      if (nonRoot !== true) problems.push(`Deployment/${name}: not run as a non-root user`);
    }
    const selects = (o) => Object.entries(o).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v);
    // A service that must run as one instance says why, runs one replica and is replaced, not rolled; any other scales.
    const single = d.metadata.annotations?.['mydimos.gov.gr/single-instance'];
    if (single) {
      if (d.spec.replicas !== 1 || d.spec.strategy?.type !== 'Recreate') problems.push(`Deployment/${name}: a single instance must have one replica and the Recreate strategy`);
      if (of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === name)) problems.push(`Deployment/${name}: a single instance is not autoscaled`);
    } else if (!of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === name)) problems.push(`Deployment/${name}: no HorizontalPodAutoscaler`);
    if (!of('PodDisruptionBudget').some((p) => selects(p.spec.selector.matchLabels ?? {}))) problems.push(`Deployment/${name}: no PodDisruptionBudget`);
    if (!of('NetworkPolicy').some((n) => Object.keys(n.spec.podSelector.matchLabels ?? {}).length > 0 && selects(n.spec.podSelector.matchLabels)))
      problems.push(`Deployment/${name}: no NetworkPolicy of its own`);
  }
  // Only the gateway (and Keycloak's sign-in pages) are reachable from outside.
  for (const ingress of of('Ingress')) {
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service.name;
        if (!['identity-gateway', 'keycloak-service'].includes(backend)) problems.push(`Ingress/${ingress.metadata.name}: exposes ${backend}`);
      }
    }
  }
  // The front ends are served by the gateway at the API's origin (issue 19): the site's root goes to it, and it is
  // told where its image keeps the pages; the browser's session cookie and the pages' CSP come from the gateway.
  const site = of('Ingress').flatMap((i) => i.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => ({ host: r.host, ...p })))
    .filter((p) => p.backend.service.name === 'identity-gateway');
  if (!site.some((p) => p.path === '/' && p.pathType === 'Prefix')) problems.push('Ingress: the gateway does not serve the site\'s root (pages, /auth and /api at one origin)');
  const gatewayConfig = of('ConfigMap').find((c) => c.metadata.name.startsWith('identity-gateway-config'));
  const dockerfile = readFileSync(join(repository, 'deploy/container/Dockerfile'), 'utf8');
  for (const dir of ['PORTAL_DIR', 'BACKOFFICE_DIR']) {
    const where = gatewayConfig?.data?.[dir];
    if (!where) problems.push(`ConfigMap identity-gateway-config: no ${dir}, the gateway would serve no such pages`);
    else if (!dockerfile.includes(`/ ${where}/`)) problems.push(`deploy/container/Dockerfile does not put the pages where ${dir} says (${where})`);
  }
  // Every topic a service produces to or consumes from is declared as a KafkaTopic.
  const topics = new Set(of('KafkaTopic').map((t) => t.spec?.topicName ?? t.metadata.name));
  for (const service of readdirSync(repository)) {
    const properties = join(repository, service, 'src/main/resources/application.properties');
    if (!existsSync(properties)) continue;
    for (const line of readFileSync(properties, 'utf8').split('\n')) {
      const m = line.match(/^mp\.messaging\.(incoming|outgoing)\.[^.]+\.topic=(.+)$/);
      if (m && !topics.has(m[2].trim())) problems.push(`${service} uses topic ${m[2].trim()}, which is no KafkaTopic`);
    }
  }
  // No secret values in the manifests: Secrets come from the secret store.
  for (const s of of('Secret')) problems.push(`Secret/${s.metadata.name}: secrets are ExternalSecrets, never in the manifests`);
  return problems;
}

function main() {
  const [file, repository] = process.argv.slice(2);
  const objects = yaml.loadAll(readFileSync(file, 'utf8')).filter(Boolean);
  // The validator must itself be able to fail: a Deployment with a wrongly typed field is refused.
  const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'broken' },
    spec: { selector: {}, template: { spec: { containers: [{ name: 42 }] } } } };
  if (schemaProblems(broken).length === 0) {
    console.error('the schema validation accepts an invalid Deployment: not validating anything');
    process.exit(2);
  }
  const problems = [...objects.flatMap(schemaProblems), ...ruleProblems(objects, repository)];
  const kinds = objects.reduce((n, o) => ({ ...n, [o.kind]: (n[o.kind] ?? 0) + 1 }), {});
  if (problems.length > 0) {
    problems.forEach((p) => console.error(`INVALID ${p}`));
    process.exit(1);
  }
  console.log(`${objects.length} objects valid (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`);
}

main();
