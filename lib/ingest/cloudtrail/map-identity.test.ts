import { describe, expect, it } from "vitest";
import type { UserIdentity } from "@/lib/ingest/cloudtrail/event";
import { cloudTrailActor } from "@/lib/ingest/cloudtrail/map-identity";

const A = "111122223333";
const actor = (identity: UserIdentity | null, userAgent: string | null = "aws-cli/2.22.4") => cloudTrailActor(identity, userAgent);

describe("cloudTrailActor, one case per userIdentity.type", () => {
  it("Root", () => {
    expect(actor({ type: "Root", principalId: A, arn: `arn:aws:iam::${A}:root`, accountId: A })).toEqual({ actor: `arn:aws:iam::${A}:root`, actorType: "root", authSource: "root" });
    expect(actor({ type: "Root", accountId: A })).toMatchObject({ actor: `arn:aws:iam::${A}:root` });
  });

  it("IAMUser: a person when MFA or the console says so, else unknown (access keys serve people and machines)", () => {
    const user = { type: "IAMUser", arn: `arn:aws:iam::${A}:user/Alice`, accountId: A, userName: "Alice" };
    expect(actor(user)).toEqual({ actor: `arn:aws:iam::${A}:user/Alice`, actorType: "unknown", authSource: "iam-user" });
    expect(actor({ ...user, sessionContext: { attributes: { mfaAuthenticated: "true" } } })).toMatchObject({ actorType: "human" });
    expect(actor(user, "Mozilla/5.0 (Macintosh)")).toMatchObject({ actorType: "human" });
    expect(actor({ type: "IAMUser", accountId: A, userName: "Bob" })).toMatchObject({ actor: `arn:aws:iam::${A}:user/Bob` });
  });

  it("AssumedRole: the role, not the session; GitHub Actions OIDC is web identity", () => {
    const session = {
      type: "AssumedRole",
      principalId: "AROAEXAMPLE:botocore-session-1732",
      arn: `arn:aws:sts::${A}:assumed-role/deployer/botocore-session-1732`,
      accountId: A,
      sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::${A}:role/ci/deployer`, userName: "deployer" } },
    };
    expect(actor(session)).toEqual({ actor: `arn:aws:iam::${A}:role/ci/deployer`, actorType: "workload", authSource: "assumed-role" });
    expect(actor({ ...session, sessionContext: undefined })).toMatchObject({ actor: `arn:aws:iam::${A}:role/deployer` });
    expect(actor({ ...session, sessionContext: { ...session.sessionContext, webIdFederationData: { federatedProvider: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` } } })).toMatchObject({ authSource: "web-identity", actorType: "workload" });
    expect(actor(session, "console.amazonaws.com")).toMatchObject({ actorType: "human" });
  });

  it("AssumedRole through IAM Identity Center: the person's session", () => {
    const arn = `arn:aws:sts::${A}:assumed-role/AWSReservedSSO_ReadOnly_abc/bob@example.com`;
    expect(actor({ type: "AssumedRole", arn, sessionContext: { sessionIssuer: { arn: `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_abc`, userName: "AWSReservedSSO_ReadOnly_abc" } } })).toEqual({ actor: arn, actorType: "human", authSource: "identity-center" });
  });

  it("FederatedUser, AWSAccount, AWSService, Directory", () => {
    expect(actor({ type: "FederatedUser", arn: `arn:aws:sts::${A}:federated-user/Bob`, principalId: `${A}:Bob` })).toEqual({ actor: `arn:aws:sts::${A}:federated-user/Bob`, actorType: "human", authSource: "federated" });
    expect(actor({ type: "AWSAccount", principalId: "AROAOTHERACCOUNT:session", accountId: "444455556666" })).toEqual({ actor: "aws-account:444455556666/AROAOTHERACCOUNT", actorType: "unknown", authSource: "aws-account" });
    expect(actor({ type: "AWSService", invokedBy: "lambda.amazonaws.com" })).toEqual({ actor: "lambda.amazonaws.com", actorType: "service", authSource: "aws-service" });
    expect(actor({ accountId: A, invokedBy: "secretsmanager.amazonaws.com" })).toEqual({ actor: "secretsmanager.amazonaws.com", actorType: "service", authSource: "aws-service" });
    expect(actor({ type: "Directory", principalId: "d-926726012c", userName: "carol" })).toEqual({ actor: "d-926726012c", actorType: "human", authSource: "directory" });
  });

  it("IdentityCenterUser, SAMLUser, WebIdentityUser, Unknown and nothing at all", () => {
    expect(actor({ type: "IdentityCenterUser", accountId: A, onBehalfOf: { userId: "544894e8-80c1-707f-60e3-3ba6510dfac1", identityStoreArn: `arn:aws:identitystore::${A}:identitystore/d-9067642ac7` } })).toEqual({
      actor: `arn:aws:identitystore::${A}:identitystore/d-9067642ac7/user/544894e8-80c1-707f-60e3-3ba6510dfac1`,
      actorType: "human",
      authSource: "identity-center",
    });
    expect(actor({ type: "SAMLUser", principalId: "SampleUkh1i4+ExampleuUkh1i4:JohnDoe", userName: "JohnDoe", identityProvider: "bdGOnTesti4+ExampleuUkh1i4=" })).toEqual({ actor: "SampleUkh1i4+ExampleuUkh1i4:JohnDoe", actorType: "human", authSource: "saml" });
    expect(actor({ type: "WebIdentityUser", principalId: "accounts.google.com:1234", userName: "1234", identityProvider: "accounts.google.com" })).toEqual({ actor: "accounts.google.com:1234", actorType: "unknown", authSource: "web-identity" });
    expect(actor({ type: "Unknown", principalId: "AIDAUNKNOWN", accountId: A })).toEqual({ actor: "AIDAUNKNOWN", actorType: "unknown", authSource: null });
    expect(actor({ type: "Unknown", accountId: A })).toEqual({ actor: `aws-account:${A}`, actorType: "unknown", authSource: null });
    expect(actor(null)).toEqual({ actor: "unknown", actorType: "unknown", authSource: null });
  });
});
