using System.Text;

namespace Tacitus.Tests.Ingest;

/// <summary>
/// A seeded mutation fuzzer's mutator: from a valid file, makes a broken one by flipping bits, inserting bytes and
/// tokens that have broken readers before (NUL, lone surrogate escapes, deep tags, WARC headers, huge lengths,
/// terminal escapes), deleting, duplicating and truncating ranges, or splicing in part of another seed. The same seed
/// gives the same cases.
/// </summary>
internal sealed class InputMutator(int seed)
{
    private static readonly byte[][] Tokens =
    [
        [0x00], [0xFF], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x1B, (byte)'[', (byte)'2', (byte)'J'], [(byte)'\r'], [(byte)'\n', (byte)'\n'],
        "\\ud800"u8.ToArray(), "\\udc00\\ud800"u8.ToArray(), "\\u0000"u8.ToArray(), "\""u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "[[[[[[[["u8.ToArray(),
        "<div><span>"u8.ToArray(), "</div>"u8.ToArray(), "<![CDATA["u8.ToArray(), "<!--"u8.ToArray(), "&#0;&#xD800;&amp"u8.ToArray(), "<script>"u8.ToArray(),
        "WARC/1.0\r\n"u8.ToArray(), "Content-Length: 99999999999\r\n"u8.ToArray(), "Content-Length: -1\r\n"u8.ToArray(), "Content-Encoding: br\r\n"u8.ToArray(),
        "Content-Encoding: gzip\r\n"u8.ToArray(), "Transfer-Encoding: chunked\r\n"u8.ToArray(), "ffffffff\r\n"u8.ToArray(), "\r\n\r\n"u8.ToArray(),
        "Published: 99999-99-99\n"u8.ToArray(), "Title: \u001B]0;x\u0007\n"u8.ToArray(), "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"u8.ToArray(),
        "2019-01-09 Monday 3 p.m. next week "u8.ToArray(), "said "u8.ToArray(), "\"We will,\" he said. "u8.ToArray(),
    ];

    private readonly Random random = new(seed);

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> others)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            Apply(data, others);
        }

        return [.. data];
    }

    private void Apply(List<byte> data, IReadOnlyList<byte[]> others)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(9))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data.Insert(at, (byte)random.Next(256));
                break;
            case 2 or 3:
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 4 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                break;
            case 5 when data.Count > 0:
                var length = Math.Min(data.Count - at, 1 + random.Next(256));
                var copy = data.GetRange(at, length);
                var times = 1 + random.Next(random.Next(2) == 0 ? 4 : 2000);
                for (var i = 0; i < times && data.Count < 2_000_000; i++)
                {
                    data.InsertRange(at, copy);
                }

                break;
            case 6 when data.Count > 0:
                data.RemoveRange(at, data.Count - at); // truncated
                break;
            case 7:
                var other = others[random.Next(others.Count)];
                if (other.Length > 0)
                {
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(512))).ToArray());
                }

                break;
            default:
                var token = Tokens[random.Next(Tokens.Length)];
                var count = 1 + random.Next(random.Next(3) == 0 ? 5000 : 10);
                var run = new byte[token.Length * count];
                for (var i = 0; i < count; i++)
                {
                    token.CopyTo(run, i * token.Length);
                }

                data.InsertRange(at, run);
                break;
        }
    }

    /// <summary>A small valid file of each input format, by the extension it is read under.</summary>
    public static IReadOnlyList<(string Extension, byte[] Bytes)> Seeds()
    {
        var story = "Title: Pier repairs\nOutlet: Valley Post\nPublished: 2024-03-02\n\n" + Articles.Harbour + "\n\n\"We will not give in,\" the union leader said on Tuesday.";
        var jsonl = string.Join('\n', new[] { Articles.Bridge, Articles.Election }.Select((t, i) =>
            JsonSerializerLine(i, t)));
        var page = HtmlPageReaderTests.Page;
        var warc = Warc(page);
        return
        [
            (".txt", Encoding.UTF8.GetBytes(story)),
            (".html", Encoding.UTF8.GetBytes(page)),
            (".jsonl", Encoding.UTF8.GetBytes(jsonl + "\n")),
            (".rss", Encoding.UTF8.GetBytes(FeedReaderTests.Rss)),
            (".atom", Encoding.UTF8.GetBytes(FeedReaderTests.Atom)),
            (".warc", warc),
            (".warc.gz", Gzip(warc)),
        ];
    }

    private static string JsonSerializerLine(int i, string text) =>
        $"{{\"id\":\"{i}\",\"title\":\"Story {i}\",\"published\":\"2024-03-0{i + 1}\",\"text\":{System.Text.Json.JsonSerializer.Serialize(text)}}}";

    private static byte[] Warc(string page)
    {
        var http = Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page);
        byte[] Record(int n, string type, byte[] block) =>
        [
            .. Encoding.UTF8.GetBytes($"WARC/1.1\r\nWARC-Type: {type}\r\nWARC-Record-ID: <urn:uuid:{n}>\r\nWARC-Date: 2024-03-07T10:15:00Z\r\n" +
                $"WARC-Target-URI: https://example.org/{n}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n"),
            .. block, .. "\r\n\r\n"u8,
        ];
        return [.. Record(1, "response", http), .. Record(2, "request", "GET / HTTP/1.1\r\n\r\n"u8.ToArray()), .. Record(3, "response", http)];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
