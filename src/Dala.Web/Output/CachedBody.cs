using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Dala.Web;

/// <summary>
/// One large answer kept in the view cache: its bytes, and their brotli and gzip forms compressed once when the answer
/// is made, so that every client is served the same arrays (no per-request serialisation or compression, whose buffers
/// took the server past 1.7 GB under 500 clients). The served form follows Accept-Encoding (brotli, then gzip, else the
/// bytes as they are), with Content-Encoding and <c>Vary: Accept-Encoding</c>, so the response compression middleware
/// leaves it alone; each form has its own strong ETag (a digest of the bytes, suffixed by the coding) and an
/// If-None-Match naming it is answered 304.
/// </summary>
public sealed class CachedBody : ViewCache.ISized
{
    /// <summary>What is written per WriteAsync: Kestrel copies each write into its output pipe before waiting for the
    /// socket, so slices of the cached array (never a copy of it) bound what one slow client holds to about this much.</summary>
    public const int WriteSlice = 64 * 1024;

    private CachedBody(string contentType, byte[] identity, byte[] brotli, byte[] gzip, string tag)
    {
        ContentType = contentType;
        Identity = identity;
        Brotli = brotli;
        Gzip = gzip;
        ETag = $"\"{tag}\"";
    }

    public string ContentType { get; }

    public byte[] Identity { get; }

    public byte[] Brotli { get; }

    public byte[] Gzip { get; }

    /// <summary>The identity form's ETag; the brotli and gzip forms add <c>-br</c> and <c>-gzip</c> inside the quotes.</summary>
    public string ETag { get; }

    public long Bytes => Identity.LongLength + Brotli.LongLength + Gzip.LongLength;

    /// <summary>Compresses once: brotli at quality 5 (most of what 11 gains, at a small fraction of its time) and gzip at its smallest size.</summary>
    public static CachedBody Of(string contentType, byte[] identity)
    {
        var tag = Base64Url(SHA256.HashData(identity).AsSpan(0, 18));
        return new CachedBody(contentType, identity, BrotliOf(identity), GzipOf(identity), tag);
    }

    /// <summary>Serves the form the request accepts (see the class).</summary>
    public IResult Result(string? downloadName = null) => new Served(this, downloadName);

    /// <summary>The coding chosen for an Accept-Encoding header: "br", "gzip" or null (identity). A coding with q=0 is
    /// refused, "*" stands for codings not named, and brotli wins a tie.</summary>
    public static string? Choose(IList<StringWithQualityHeaderValue>? accepted)
    {
        if (accepted is null || accepted.Count == 0) return null;
        double Q(string coding)
        {
            double? star = null;
            foreach (var a in accepted)
            {
                if (a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase)) return a.Quality ?? 1;
                if (a.Value.Equals("*", StringComparison.Ordinal)) star = a.Quality ?? 1;
            }
            return star ?? 0;
        }
        var br = Q("br");
        var gzip = Q("gzip");
        if (br > 0 && br >= gzip) return "br";
        return gzip > 0 ? "gzip" : null;
    }

    private static byte[] BrotliOf(byte[] identity)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(identity.Length)];
        if (!BrotliEncoder.TryCompress(identity, buffer, out var written, quality: 5, window: 22))
            throw new InvalidOperationException("brotli could not compress the answer into its maximum compressed length");
        return buffer.AsSpan(0, written).ToArray();
    }

    private static byte[] GzipOf(byte[] identity)
    {
        using var output = new MemoryStream(identity.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(identity);
        return output.ToArray();
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private sealed class Served(CachedBody body, string? downloadName) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var request = http.Request.GetTypedHeaders();
            var coding = Choose(request.AcceptEncoding);
            var (bytes, etag) = coding switch
            {
                "br" => (body.Brotli, body.ETag.Insert(body.ETag.Length - 1, "-br")),
                "gzip" => (body.Gzip, body.ETag.Insert(body.ETag.Length - 1, "-gzip")),
                _ => (body.Identity, body.ETag),
            };
            var response = http.Response;
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "no-cache"; // kept, but asked again each time: a new revision changes the answer
            if (Matches(request.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = body.ContentType;
            if (coding is not null) response.Headers.ContentEncoding = coding;
            if (downloadName is not null) response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
            response.ContentLength = bytes.Length;
            for (var offset = 0; offset < bytes.Length; offset += WriteSlice)
                await response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(WriteSlice, bytes.Length - offset)), http.RequestAborted);
        }

        private static bool Matches(IList<EntityTagHeaderValue>? ifNoneMatch, string etag)
        {
            if (ifNoneMatch is null || ifNoneMatch.Count == 0) return false;
            var mine = new EntityTagHeaderValue(etag);
            return ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(mine, useStrongComparison: false));
        }
    }
}
