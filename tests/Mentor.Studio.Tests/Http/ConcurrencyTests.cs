using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;

namespace Mentor.Studio.Tests.Http;

/// <summary>Two clients (two browser tabs) editing one project at once: every acknowledged photo is on disk, whole, once.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_clients_uploading_the_same_names_into_one_class_keep_every_photo()
    {
        await using var studio = await StudioHost.StartAsync(new StudioOptions { BackgroundFeatures = false });
        (await studio.CreateClassAsync("shirt")).EnsureSuccessStatusCode();
        var photos = SharedData.Clothing("train", "shirt", 12);
        using var second = new HttpClient { BaseAddress = studio.Client.BaseAddress };

        // Both clients send the same 12 files under the same names, interleaved.
        async Task<List<string>> Upload(HttpClient client) =>
            [.. await Task.WhenAll(photos.Select(async p =>
            {
                using var content = new ByteArrayContent(await File.ReadAllBytesAsync(p));
                using var response = await client.PostAsync($"/api/photos?class=shirt&name={Path.GetFileName(p)}", content);
                response.EnsureSuccessStatusCode();
                return (await StudioHost.ReadAsync(response)).GetProperty("added")[0].GetString()!;
            }))];
        var answered = await Task.WhenAll(Upload(studio.Client), Upload(second));

        var names = answered.SelectMany(a => a).ToList();
        var onDisk = Directory.GetFiles(Path.Combine(studio.Root, "shirt")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(24, names.Distinct().Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), onDisk);
        var expected = photos.Select(p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))).Order().ToList();
        var written = onDisk.Select(n => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(studio.Root, "shirt", n!))))).Order().ToList();
        Assert.Equal(expected.Concat(expected).Order(), written); // every photo twice, whole
        Assert.Empty(Directory.GetFiles(studio.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Moves_and_renames_racing_from_two_clients_lose_no_photo()
    {
        await using var studio = await StudioHost.StartAsync(new StudioOptions { BackgroundFeatures = false });
        await studio.FillAsync(new Dictionary<string, IReadOnlyList<string>> { ["a"] = SharedData.Clothing("train", "hat", 6), ["b"] = [] });
        using var second = new HttpClient { BaseAddress = studio.Client.BaseAddress };
        var names = (await studio.GetJsonAsync("/api/photos?class=a")).GetProperty("photos").EnumerateArray().Select(p => p.GetString()!).ToList();

        // One tab moves every photo from a to b while the other renames b to c: one of each pair of moves may miss its class (404), none may vanish.
        var moves = names.Select(n => studio.Client.PostAsync("/api/photos/move", StudioHost.Json(new { @class = "a", name = n, to = "b" })));
        var rename = second.PostAsync("/api/classes/rename", StudioHost.Json(new { from = "b", to = "c" }));
        var answers = await Task.WhenAll(moves.Append(rename));

        Assert.All(answers, r => Assert.True(r.IsSuccessStatusCode || (int)r.StatusCode == 404, $"{r.StatusCode}"));
        var classes = (await studio.GetJsonAsync("/api/project")).GetProperty("classes").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("photos").GetInt32());
        Assert.Equal(["a", "c"], classes.Keys.Order());
        Assert.Equal(6, classes.Values.Sum());
    }
}
