// AWS Secrets Manager sync at 10 000 secrets against the local wire server with 50 ms per call:
// the connector end to end, and the naive sequential approach (ListSecrets page by page, then
// DescribeSecret for each secret, one call after another) measured in the same run on 1 000
// secrets and extrapolated — at 50 ms a call it would take minutes on 10 000.
import os from "node:os";
import { DescribeSecretCommand, ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { awsConfigSchema } from "@/lib/sources/aws/config";
import { createAwsSecretsManagerConnector } from "@/lib/sources/aws/connector";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { sampleAwsSecrets, startAwsWireServer } from "@/test/wire/aws-secrets-manager";

const SECRETS = 10_000;
const BASELINE_SECRETS = 1_000;
const LATENCY_MS = 50;
const REGION = "us-east-1";
const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test" };

async function connectorSync(count: number) {
  const server = await startAwsWireServer({ secrets: sampleAwsSecrets(count, REGION), latencyMs: LATENCY_MS });
  try {
    const connector = createAwsSecretsManagerConnector({ credentials });
    const config = awsConfigSchema.parse({ regions: REGION, endpoint: server.url });
    const start = performance.now();
    let listed = 0;
    for await (const _ of connector.listSecrets({ config, tagKeys: DEFAULT_TAG_KEYS, fetch })) listed++;
    const seconds = (performance.now() - start) / 1000;
    if (listed !== count) throw new Error(`listed ${listed} of ${count} secrets`);
    const values = server.calls.filter((c) => c.operation === "GetSecretValue" || c.operation === "BatchGetSecretValue").length;
    if (values > 0) throw new Error("the connector called a value-returning operation");
    const counts = new Map<string, number>();
    for (const call of server.calls) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
    const byOperation = [...counts].map(([operation, n]) => `${operation} ${n}`);
    return { seconds, calls: server.calls.length, byOperation };
  } finally {
    await server.close();
  }
}

async function sequentialSync(count: number) {
  const server = await startAwsWireServer({ secrets: sampleAwsSecrets(count, REGION), latencyMs: LATENCY_MS });
  const client = new SecretsManagerClient({ region: REGION, endpoint: server.url, credentials });
  try {
    const start = performance.now();
    let described = 0;
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListSecretsCommand({ MaxResults: 100, IncludePlannedDeletion: false, NextToken: nextToken }));
      for (const entry of page.SecretList ?? []) {
        await client.send(new DescribeSecretCommand({ SecretId: entry.ARN }));
        described++;
      }
      nextToken = page.NextToken;
    } while (nextToken);
    if (described !== count) throw new Error(`described ${described} of ${count} secrets`);
    return { seconds: (performance.now() - start) / 1000, calls: server.calls.length };
  } finally {
    client.destroy();
    await server.close();
  }
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${LATENCY_MS} ms per call`);
const sync = await connectorSync(SECRETS);
console.log(`aws_sync_10k_wall: ${sync.seconds.toFixed(1)} s`);
console.log(`aws_sync_10k_calls: ${sync.calls} calls`);
console.log(`aws_sync_10k_calls_by_operation: ${sync.byOperation.join(", ")}`);

const baseline = await sequentialSync(BASELINE_SECRETS);
const extrapolated = baseline.seconds * (SECRETS / BASELINE_SECRETS);
console.log(`aws_sync_sequential_baseline_1k_wall: ${baseline.seconds.toFixed(1)} s`);
console.log(`aws_sync_sequential_baseline_1k_calls: ${baseline.calls} calls`);
console.log(`aws_sync_sequential_baseline_wall_extrapolated_from_1k: ${extrapolated.toFixed(1)} s`);
console.log(`ratio_aws_sync_vs_sequential: ${(sync.seconds / extrapolated).toFixed(3)} ×`);
if (sync.seconds > 15) {
  console.error(`aws_sync_10k_wall is above the 15 s goal`);
  process.exitCode = 1;
}
