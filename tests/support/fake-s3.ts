// A tiny in-memory S3 endpoint (path-style): PutObject, GetObject, DeleteObject and
// ListObjectsV2 with pagination. Signatures are not checked; enough to exercise the real SDK.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type StoredS3Object = { body: Buffer; contentType: string; lastModified: Date };

export type FakeS3 = {
  url: string;
  objects: Map<string, StoredS3Object>;
  requests: string[];
  close(): Promise<void>;
};

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeS3(options: { bucket: string; pageSize?: number }): Promise<FakeS3> {
  const objects = new Map<string, StoredS3Object>();
  const requests: string[] = [];
  const pageSize = options.pageSize ?? 1000;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const [, bucket, ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    requests.push(`${req.method} ${key ? "object" : "bucket"}`);
    if (bucket !== options.bucket) {
      res.writeHead(404, { "Content-Type": "application/xml" }).end("<Error><Code>NoSuchBucket</Code></Error>");
      return;
    }
    if (req.method === "PUT" && key) {
      objects.set(key, {
        body: await readBody(req),
        contentType: String(req.headers["content-type"] ?? "application/octet-stream"),
        lastModified: new Date(),
      });
      res.writeHead(200, { ETag: '"etag"' }).end();
      return;
    }
    if (req.method === "GET" && key) {
      const object = objects.get(key);
      if (!object) {
        res
          .writeHead(404, { "Content-Type": "application/xml" })
          .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>Not found</Message><Key>${xmlEscape(key)}</Key></Error>`);
        return;
      }
      res
        .writeHead(200, {
          "Content-Type": object.contentType,
          "Content-Length": String(object.body.length),
          "Last-Modified": object.lastModified.toUTCString(),
        })
        .end(object.body);
      return;
    }
    if (req.method === "DELETE" && key) {
      objects.delete(key);
      res.writeHead(204).end();
      return;
    }
    if (req.method === "GET" && url.searchParams.get("list-type") === "2") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const start = Number(url.searchParams.get("continuation-token") ?? "0");
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const page = keys.slice(start, start + pageSize);
      const truncated = start + pageSize < keys.length;
      const contents = page
        .map((k) => {
          const o = objects.get(k)!;
          return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><Size>${o.body.length}</Size></Contents>`;
        })
        .join("");
      res.writeHead(200, { "Content-Type": "application/xml" }).end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${options.bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${pageSize}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${
          truncated ? `<NextContinuationToken>${start + pageSize}</NextContinuationToken>` : ""
        }${contents}</ListBucketResult>`,
      );
      return;
    }
    res.writeHead(400, { "Content-Type": "application/xml" }).end("<Error><Code>NotImplemented</Code></Error>");
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
