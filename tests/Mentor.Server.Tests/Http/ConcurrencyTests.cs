using System.Diagnostics;
using System.Net;
using Mentor.Server.Tests.Support;

namespace Mentor.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class ConcurrencyTests(ServedModel served)
{
    private async Task<List<(string Label, float Probability)>> PredictAsync(string photo)
    {
        using var response = await served.Client.PostAsync("/predict?top=4", ServedModel.Photo(photo));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("predictions")[0].Top();
    }

    [Fact]
    public async Task Many_parallel_requests_get_the_same_answers_as_sequential_ones_and_are_batched()
    {
        var photos = TinyModel.Labels.SelectMany(l => SharedData.Clothing("validation", l, 2, skip: 5)).ToList();
        var sequential = new List<List<(string, float)>>();
        foreach (var photo in photos) sequential.Add(await PredictAsync(photo));
        var batchesBefore = await BatcherAsync();

        var requests = Enumerable.Range(0, 48).Select(i => photos[i % photos.Count]).ToList();
        var parallel = await Task.WhenAll(requests.Select(PredictAsync));

        for (var i = 0; i < requests.Count; i++)
        {
            var expected = sequential[i % photos.Count];
            Assert.Equal(expected.Select(e => e.Item1), parallel[i].Select(p => p.Label));
            Assert.All(expected.Zip(parallel[i]), pair => Assert.Equal(pair.First.Item2, pair.Second.Probability, 5));
        }
        var batchesAfter = await BatcherAsync();
        var batches = batchesAfter.Batches - batchesBefore.Batches;
        Assert.Equal(48, batchesAfter.Images - batchesBefore.Images);
        Assert.True(batches < 48, $"48 parallel images took {batches} model calls: no batching");
        Assert.InRange(batchesAfter.LargestBatch, 2, 16);
    }

    [Fact]
    public async Task A_slow_upload_does_not_stall_other_clients()
    {
        var photo = SharedData.Clothing("validation", "dress", 1)[0];
        var bytes = File.ReadAllBytes(photo);
        using var slowContent = new SlowContent(bytes, pause: TimeSpan.FromSeconds(4));
        var slow = served.Client.PostAsync("/predict", slowContent);
        await Task.Delay(200);

        var clock = Stopwatch.StartNew();
        var fast = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PredictAsync(SharedData.Clothing("validation", "shoes", 1)[0])));
        var fastSeconds = clock.Elapsed.TotalSeconds;

        Assert.False(slow.IsCompleted);
        Assert.True(fastSeconds < 3.5, $"8 requests took {fastSeconds:F1} s while one client was uploading slowly");
        Assert.All(fast, top => Assert.Equal("shoes", top[0].Label));
        using var slowResponse = await slow;
        Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
        Assert.Equal("dress", (await slowResponse.ReadJsonAsync()).GetProperty("predictions")[0].Top()[0].Label);
    }

    private async Task<(long Batches, long Images, int LargestBatch)> BatcherAsync()
    {
        using var response = await served.Client.GetAsync("/health");
        var batcher = (await response.ReadJsonAsync()).GetProperty("batcher");
        return (batcher.GetProperty("batches").GetInt64(), batcher.GetProperty("images").GetInt64(), batcher.GetProperty("largestBatch").GetInt32());
    }

    /// <summary>Sends the first kilobyte, waits, then the rest: a client on a very slow link.</summary>
    private sealed class SlowContent(byte[] bytes, TimeSpan pause) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, 1024));
            await stream.FlushAsync();
            await Task.Delay(pause);
            await stream.WriteAsync(bytes.AsMemory(1024));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
