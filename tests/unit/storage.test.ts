// Both storage backends through the same contract: the local disk in a temporary directory,
// and the S3 one with the real AWS SDK against a tiny in-memory S3 endpoint.
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorageDir } from "@/lib/storage";
import { LocalDiskStorage, TEMP_SUFFIX } from "@/lib/storage/local";
import { createS3Client, S3Storage } from "@/lib/storage/s3";
import { isValidStorageKey, StorageNotFoundError, type Storage, type StoredObject } from "@/lib/storage/types";
import { startFakeS3, type FakeS3 } from "@/tests/support/fake-s3";

async function collect(iterable: AsyncIterable<StoredObject>): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of iterable) keys.push(object.key);
  return keys.sort();
}

describe("storage keys", () => {
  it("accepts server-made keys and refuses anything that could leave the root", () => {
    expect(isValidStorageKey("attachments/0f3a9c")).toBe(true);
    expect(isValidStorageKey("attachments/a.b-c_d")).toBe(true);
    for (const bad of ["", "../x", "a/../b", "/abs", "a//b", "a/./b", "a\\b", "a/b/", "é", "a b", "a\u0000b", "x".repeat(513)]) {
      expect(isValidStorageKey(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("never puts local files under public/", () => {
    expect(localStorageDir(".data/uploads", "/srv/app")).toBe("/srv/app/.data/uploads");
    expect(() => localStorageDir("public/uploads", "/srv/app")).toThrow(/public/);
    expect(() => localStorageDir("./public", "/srv/app")).toThrow(/public/);
    expect(localStorageDir("/var/lib/crm", "/srv/app")).toBe("/var/lib/crm");
  });
});

function contract(name: string, setup: () => Promise<{ storage: Storage; teardown(): Promise<void> }>) {
  describe(name, () => {
    let storage: Storage;
    let teardown: () => Promise<void>;

    beforeAll(async () => {
      ({ storage, teardown } = await setup());
    });
    afterAll(async () => teardown());

    it("stores, reads back and deletes", async () => {
      const data = Buffer.from("%PDF-1.4 contenu");
      await storage.put("attachments/aaa", data, "application/pdf");
      expect((await storage.get("attachments/aaa")).equals(data)).toBe(true);
      await storage.delete("attachments/aaa");
      await expect(storage.get("attachments/aaa")).rejects.toBeInstanceOf(StorageNotFoundError);
    });

    it("overwrites atomically and treats deleting a missing key as done", async () => {
      await storage.put("attachments/bbb", Buffer.from("v1"), "text/plain");
      await storage.put("attachments/bbb", Buffer.from("v2"), "text/plain");
      expect((await storage.get("attachments/bbb")).toString()).toBe("v2");
      await storage.delete("attachments/bbb");
      await expect(storage.delete("attachments/bbb")).resolves.toBeUndefined();
    });

    it("lists by prefix, across pages", async () => {
      for (const key of ["attachments/k1", "attachments/k2", "attachments/k3", "other/k4"]) {
        await storage.put(key, Buffer.from(key), "text/plain");
      }
      expect(await collect(storage.list("attachments/"))).toEqual(["attachments/k1", "attachments/k2", "attachments/k3"]);
      expect(await collect(storage.list("other/"))).toEqual(["other/k4"]);
      expect(await collect(storage.list("nothing/"))).toEqual([]);
      for await (const object of storage.list("attachments/")) {
        expect(object.size).toBe(object.key.length);
        expect(object.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000);
      }
    });

    it("refuses keys that are not server-made", async () => {
      await expect(storage.put("../evil", Buffer.from("x"), "text/plain")).rejects.toThrow(/invalide/);
      await expect(storage.get("a/../../etc/passwd")).rejects.toThrow(/invalide/);
    });
  });
}

contract("LocalDiskStorage", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "crm-storage-"));
  return { storage: new LocalDiskStorage(root), teardown: () => rm(root, { recursive: true, force: true }) };
});

let fake: FakeS3;
contract("S3Storage (fake S3 endpoint, real SDK)", async () => {
  fake = await startFakeS3({ bucket: "pieces", pageSize: 2 });
  const client = createS3Client({
    bucket: "pieces",
    region: "eu-west-3",
    endpoint: fake.url,
    forcePathStyle: true,
    accessKeyId: "test",
    secretAccessKey: "test-secret",
  });
  return {
    storage: new S3Storage(client, "pieces"),
    teardown: async () => {
      client.destroy();
      await fake.close();
    },
  };
});

describe("LocalDiskStorage on disk", () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "crm-storage-"));
    storage = new LocalDiskStorage(root);
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it("leaves no temporary file after a write, and lists an interrupted one so it can be swept", async () => {
    await storage.put("attachments/ccc", Buffer.from("x"), "text/plain");
    expect(await readdir(path.join(root, "attachments"))).toEqual(["ccc"]);

    // What a crash between write and rename leaves behind.
    const leftover = path.join(root, "attachments", `ddd.0a1b2c${TEMP_SUFFIX}`);
    await writeFile(leftover, "partial");
    const old = new Date(Date.now() - 3_600_000);
    await utimes(leftover, old, old);
    const listed = [];
    for await (const object of storage.list("attachments/")) listed.push(object);
    const temp = listed.find((o) => o.key.endsWith(TEMP_SUFFIX));
    expect(Math.abs(temp!.lastModified.getTime() - old.getTime())).toBeLessThan(1000);
    await storage.delete(temp!.key);
    expect(await readdir(path.join(root, "attachments"))).toEqual(["ccc"]);
  });
});
