using System.Security.Cryptography;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Mentor.Server.Web;

/// <summary>
/// A web page's files, compiled into an assembly as resources named <c>wwwroot/...</c> and served from memory with an
/// ETag. A Content-Security-Policy of <c>'self'</c> keeps the page from reaching anything but this server.
/// Used by <c>mentor serve</c> (this assembly's page) and <c>mentor studio</c> (its own).
/// </summary>
public sealed class StaticAssets
{
    private const string Policy = "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    /// <summary>The page compiled into this assembly (the prediction server's).</summary>
    public StaticAssets() : this(typeof(StaticAssets).Assembly)
    {
    }

    /// <summary>The page compiled into <paramref name="assembly"/>.</summary>
    public StaticAssets(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource["wwwroot/".Length..];
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
            _assets["/" + name] = new Asset(bytes, Types.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"), etag);
        }
    }

    /// <summary>Request paths served: <c>/</c> (index.html) and every file by name.</summary>
    public IEnumerable<string> Paths => _assets.Keys.Select(p => p == "/index.html" ? "/" : p);

    /// <summary>Maps every asset on <paramref name="app"/>.</summary>
    public void MapAll(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var path in Paths) app.MapGet(path, Serve);
    }

    public IResult Serve(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path.Value is "/" or null ? "/index.html" : http.Request.Path.Value;
        var asset = _assets[path];
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = Policy;
        if (http.Request.Headers.IfNoneMatch.Contains(asset.ETag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }
}
