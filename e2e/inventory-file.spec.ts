// The inventory file through the Sources page: download, check, import; a bad file is refused
// with every problem located and nothing changed.
import { expect, test } from "@playwright/test";
import { apiAs } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

test("an admin downloads the inventory file and imports it back unchanged; a bad file is refused with located problems", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const csv = await (await admin.get("/api/v1/inventory-file?format=csv")).text();
  expect(csv.split("\n")[0]).toBe("name,environment,tier,kind,provider,privilege,lifetime,ttl,creator,operator,approver,incident_commander,consumers,revoke_path,locations,description");
  await admin.dispose();

  await signInAs(page, PERSONAS.admin);
  await page.goto("/sources");
  const section = page.getByRole("region", { name: "Inventory file" });
  await section.getByLabel("Inventory file to import").setInputFiles({ name: "inventory.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await section.getByRole("button", { name: "Check", exact: true }).click();
  await expect(section.getByRole("status")).toContainText('Checked: nothing was written. Importing this file into "Top-20 list (inventory.yaml)" would add 0, change 0, leave 15 unchanged and mark 0 missing (15 read).');
  await expect(section.getByRole("status")).not.toContainText("imported");
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByRole("status")).toContainText('Imported into "Top-20 list (inventory.yaml)": 15 read, 0 added, 0 changed, 15 unchanged, 0 marked missing');

  const bad = "\uFEFFname;tier;colour\nfoo;7;red\nfoo;1;blue\n";
  await section.getByLabel("Inventory file to import").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await section.getByRole("button", { name: "Check", exact: true }).click();
  const alert = section.getByRole("alert");
  await expect(alert).toContainText("bad.csv was checked: 3 problems; nothing was written.");
  await expect(alert).not.toContainText("not imported");
  // Each problem once, at its place: the list, not the list again inside the headline.
  await expect(alert.getByRole("listitem")).toHaveCount(3);
  expect((await alert.innerText()).split("line 2, column 2 (tier)").length - 1).toBe(1);
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(alert).toContainText("bad.csv was not imported: 3 problems; nothing was written.");
  await expect(alert).toContainText("bad.csv, line 1, column 3 (colour)");
  await expect(alert).toContainText("bad.csv, line 2, column 2 (tier)");
  await screenshot(page, "inventory-import-refused");
  await page.setViewportSize({ width: 390, height: 844 });
  await alert.scrollIntoViewIfNeeded();
  await screenshot(page, "inventory-import-refused-390");
});

test("the file may say what the UI shows: Production, Tier 1, Short-lived, in any case, are the values the export writes", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const csv = await (await admin.get("/api/v1/inventory-file?format=csv")).text();
  await admin.dispose();
  const [header, ...rows] = csv.trimEnd().split("\n");
  const labelled = [header, ...rows.map((row) => row.replace(/^([^,]*),prod,([1-4]),/, "$1,Production,Tier $2,").replace(/,short_lived,/, ",Short-Lived,").replace(/^([^,]*),dev,/, "$1,DEVELOPMENT,"))].join("\n");
  expect(labelled).toContain(",Production,Tier ");

  await signInAs(page, PERSONAS.admin);
  await page.goto("/sources");
  const section = page.getByRole("region", { name: "Inventory file" });
  await section.getByLabel("Inventory file to import").setInputFiles({ name: "inventory.csv", mimeType: "text/csv", buffer: Buffer.from(labelled) });
  await section.getByRole("button", { name: "Check", exact: true }).click();
  await expect(section.getByRole("status")).toContainText("would add 0, change 0, leave 15 unchanged and mark 0 missing");
  await screenshot(page, "inventory-import-checked");
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "inventory-import-checked-390");
});

test("the inventory upload is bounded by KEYLEDGER_INVENTORY_MAX_BYTES, not the 1 MiB of other JSON bodies", async ({ baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const rows = (bytes: number) => `name\n${"x".repeat(bytes)}\n`;
  // 1.5 MiB: past the JSON limit, within the inventory's (2 MiB here): read, checked, refused for what it says.
  const checked = await admin.post("/api/v1/inventory-file", { data: { fileName: "big.csv", text: rows(1.5 * 1024 * 1024), dryRun: true } });
  expect(checked.status()).toBe(422);
  expect(((await checked.json()) as { detail: string }).detail).toContain("big.csv was checked: 1 problem; nothing was written");
  const refused = await admin.post("/api/v1/inventory-file", { data: { fileName: "huge.csv", text: rows(3 * 1024 * 1024), dryRun: true } });
  expect(refused.status()).toBe(413);
  expect(((await refused.json()) as { detail: string }).detail).toContain("KEYLEDGER_INVENTORY_MAX_BYTES");
  await admin.dispose();
});
