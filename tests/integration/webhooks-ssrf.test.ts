import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPrivateAddress, WebhookUrlError } from "@/lib/webhooks/ssrf";

// The guard as production runs it, then with the testing setting. Host names are resolved by
// this machine's resolver ("localhost" is loopback everywhere) or by a stand-in resolver that
// answers as a hostile DNS server would.
const production = { allowPrivate: false, isProduction: true };
const testing = { allowPrivate: true, isProduction: true };

async function refusal(
  url: string,
  options = production,
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>,
) {
  try {
    await checkWebhookUrl(url, { ...options, resolve });
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookUrlError);
    return (error as Error).message;
  }
  return null;
}

describe("the webhook address guard", () => {
  it.each([
    "https://127.0.0.1/hook",
    "https://127.1.2.3/hook",
    "https://10.0.0.5/hook",
    "https://172.16.0.1/hook",
    "https://192.168.1.1/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/hook",
    "https://0.0.0.0/hook",
    "https://224.0.0.1/hook",
    "https://[::1]/hook",
    "https://[::]/hook",
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:a9fe:a9fe]/hook",
    "https://2130706433/hook",
    "https://0x7f.0.0.1/hook",
    "https://localhost/hook",
  ])("refuses %s in production", async (url) => {
    expect(await refusal(url)).toMatch(/private or local network/);
  });

  it("refuses a public-looking name that resolves to a private address, and one with any private address", async () => {
    expect(
      await refusal("https://hooks.example.org/", production, async () => [
        { address: "10.1.2.3", family: 4 },
      ]),
    ).toMatch(/private or local network/);
    expect(
      await refusal("https://hooks.example.org/", production, async () => [
        { address: "93.184.215.14", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ]),
    ).toMatch(/private or local network/);
  });

  it("refuses http:// in production, and credentials in the address", async () => {
    expect(
      await refusal("http://hooks.example.org/", production, async () => [
        { address: "93.184.215.14", family: 4 },
      ]),
    ).toMatch(/https/);
    expect(await refusal("https://user:pw@hooks.example.org/", production)).toMatch(/user name and password/);
    expect(await refusal("ftp://hooks.example.org/", production)).toMatch(/https/);
  });

  it("accepts a public address, and gives back the address checked, to connect to", async () => {
    const target = await checkWebhookUrl("https://hooks.example.org/in", {
      ...production,
      resolve: async () => [{ address: "93.184.215.14", family: 4 }],
    });
    expect(target).toMatchObject({ address: "93.184.215.14", family: 4 });
    expect(target.url.hostname).toBe("hooks.example.org");
  });

  it("allows private addresses and http:// only with WEBHOOKS_ALLOW_PRIVATE", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "https://[::1]/hook",
      "http://localhost/hook",
      "https://10.0.0.5/",
    ])
      expect(await refusal(url, testing)).toBeNull();
  });
});

describe("what counts as private", () => {
  it("keeps public IPv4 and IPv6 addresses public", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
      expect(isPrivateAddress(address)).toBe(false);
    for (const address of ["::ffff:8.8.8.8", "::ffff:10.0.0.1", "fc00::1", "ff02::1", "not an address"])
      expect(isPrivateAddress(address)).toBe(true);
  });
});
