using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Mentor.Server.Tests.Support;

/// <summary>A few clients posting a photo to <c>/predict</c> one request after another: answers and errors counted.</summary>
internal static class WellBehavedClients
{
    public sealed record Tally(int Answered, int Errors, string? FirstError);

    /// <summary><paramref name="clients"/> clients, each with its own connections, posting for <paramref name="duration"/>.</summary>
    public static async Task<Tally> RunAsync(Uri address, byte[] photo, int clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var tallies = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var (answered, errors, first) = (0, 0, (string?)null);
            while (clock.Elapsed < duration)
            {
                try
                {
                    using var response = await client.PostAsync("/predict", Content(photo));
                    if (response.StatusCode == HttpStatusCode.OK) answered++;
                    else (errors, first) = (errors + 1, first ?? $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    (errors, first) = (errors + 1, first ?? e.Message);
                }
            }
            return new Tally(answered, errors, first);
        }));
        return new Tally(tallies.Sum(t => t.Answered), tallies.Sum(t => t.Errors), tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null));
    }

    public static ByteArrayContent Content(byte[] photo)
    {
        var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }
}
