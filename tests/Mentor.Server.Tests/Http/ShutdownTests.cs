using System.Net;
using Mentor.Batching;
using Mentor.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mentor.Server.Tests.Http;

[Collection(ServerCollection.Name)]
public sealed class ShutdownTests(ServedModel served)
{
    [Fact]
    public async Task Stopping_lets_in_flight_requests_finish_then_refuses_new_connections()
    {
        var (app, address) = await ServedModel.StartAsync(served.Classifier, new ServerOptions { Batching = new BatchingOptions { MaxBatchSize = 2 } });
        var batcher = app.Services.GetRequiredService<BatchedImagePredictor>().Batcher;
        using var client = new HttpClient { BaseAddress = address };
        var photo = SharedData.Clothing("validation", "pants", 1, skip: 1)[0];

        var inFlight = Enumerable.Range(0, 24).Select(_ => client.PostAsync("/predict", ServedModel.Photo(photo))).ToList();
        while (batcher.Statistics.Received < 24) await Task.Delay(5); // every request is in, most still queued
        var doneAtStop = batcher.Statistics.Images;
        await app.StopAsync();
        await app.DisposeAsync();

        Assert.True(doneAtStop < 24, "every request had finished before the stop: nothing was in flight");
        foreach (var request in inFlight)
        {
            using var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("pants", (await response.ReadJsonAsync()).GetProperty("predictions")[0].Top()[0].Label);
        }
        using var fresh = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync("/health"));
    }
}
