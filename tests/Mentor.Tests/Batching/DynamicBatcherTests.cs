using System.Collections.Concurrent;
using Mentor.Backbones;
using Mentor.Imaging;
using Mentor.Batching;

namespace Mentor.Tests.Batching;

public sealed class DynamicBatcherTests
{
    /// <summary>A 2x2 "model": output = sum of the image's 12 inputs; NaN in an input makes the whole call throw.</summary>
    private sealed class SummingModel(TimeSpan delay = default) : IImageBatchModel
    {
        public ConcurrentQueue<int> BatchSizes { get; } = new();

        public string Identity => "sum";

        public PreprocessingSpec Preprocessing { get; } = new(2, ChannelOrder.Rgb, 1f, () => [0f, 0f, 0f], null, ResizeRule.Parse("crop1"));

        public int OutputSize => 1;

        public void Run(float[] inputs, int count, float[] outputs)
        {
            BatchSizes.Enqueue(count);
            if (delay > TimeSpan.Zero) Thread.Sleep(delay);
            for (var i = 0; i < count; i++)
            {
                var image = inputs.AsSpan(i * 12, 12);
                if (float.IsNaN(image[0])) throw new InvalidOperationException("NaN input");
                var sum = 0f;
                foreach (var v in image) sum += v;
                outputs[i] = sum;
            }
        }
    }

    private static float[] Image(float value) => Enumerable.Repeat(value, 12).ToArray();

    [Fact]
    public async Task Concurrent_images_are_run_together_and_each_gets_its_own_answer()
    {
        var model = new SummingModel(TimeSpan.FromMilliseconds(20));
        using var batcher = new DynamicBatcher(model, maxBatch: 8, TimeSpan.FromMilliseconds(5), maxQueued: 100);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => batcher.Enqueue(Image(i), default).Result)));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => 12f * i), results.Select(r => r[0]));
        Assert.All(model.BatchSizes, size => Assert.InRange(size, 1, 8));
        Assert.True(model.BatchSizes.Count < 40, $"{model.BatchSizes.Count} calls for 40 images");
        Assert.Equal(40, batcher.Statistics.Images);
    }

    [Fact]
    public async Task One_bad_item_fails_alone_and_the_loop_keeps_running()
    {
        var model = new SummingModel(TimeSpan.FromMilliseconds(30));
        using var batcher = new DynamicBatcher(model, maxBatch: 8, TimeSpan.FromMilliseconds(20), maxQueued: 100);

        var good1 = batcher.Enqueue(Image(1), default);
        var bad = batcher.Enqueue(Image(float.NaN), default);
        var good2 = batcher.Enqueue(Image(2), default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad.Result);
        var later = batcher.Enqueue(Image(3), default);

        Assert.Equal(12f, (await good1.Result)[0]);
        Assert.Equal(24f, (await good2.Result)[0]);
        Assert.Equal(36f, (await later.Result)[0]);
        var stats = batcher.Statistics;
        Assert.True(stats.Running);
        Assert.Equal(1, stats.Failures);
    }

    [Fact]
    public async Task An_image_whose_client_has_gone_is_dropped_not_run()
    {
        var model = new SummingModel(TimeSpan.FromMilliseconds(100));
        using var batcher = new DynamicBatcher(model, maxBatch: 1, TimeSpan.Zero, maxQueued: 10);
        using var gone = new CancellationTokenSource();

        var first = batcher.Enqueue(Image(1), default); // occupies the model for 100 ms
        var dropped = batcher.Enqueue(Image(2), gone.Token);
        await gone.CancelAsync();
        var third = batcher.Enqueue(Image(3), default);

        Assert.Equal(12f, (await first.Result)[0]);
        Assert.Equal(36f, (await third.Result)[0]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped.Result);
        Assert.Equal(2, batcher.Statistics.Images);
    }

    [Fact]
    public void A_full_queue_refuses_with_busy_and_dispose_finishes_what_was_queued()
    {
        var model = new SummingModel(TimeSpan.FromMilliseconds(50));
        var batcher = new DynamicBatcher(model, maxBatch: 1, TimeSpan.Zero, maxQueued: 2);
        var items = new List<BatchItem>();
        Assert.Throws<BatcherBusyException>(() => { for (var i = 0; i < 10; i++) items.Add(batcher.Enqueue(Image(i), default)); });

        batcher.Dispose();

        Assert.InRange(items.Count, 2, 4);
        Assert.All(items, item => Assert.True(item.Result.IsCompletedSuccessfully));
        Assert.Throws<BatcherBusyException>(() => batcher.Enqueue(Image(1), default));
    }

    [Fact]
    public async Task Images_announced_as_being_prepared_join_the_batch_past_the_window()
    {
        var model = new SummingModel();
        using var batcher = new DynamicBatcher(model, maxBatch: 8, TimeSpan.FromMilliseconds(2), maxQueued: 100);
        for (var i = 0; i < 4; i++) batcher.PreparingStarted();

        var first = batcher.Enqueue(Image(0), default);
        batcher.PreparingEnded();
        await Task.Delay(50); // far past the window: without the announcement the first image would run alone
        var rest = Enumerable.Range(1, 3).Select(i =>
        {
            var item = batcher.Enqueue(Image(i), default);
            batcher.PreparingEnded();
            return item.Result;
        }).ToList();
        await Task.WhenAll(rest.Append(first.Result));

        Assert.Equal([4], model.BatchSizes);
    }

    [Fact]
    public async Task An_announced_image_that_never_comes_holds_the_batch_only_briefly()
    {
        var model = new SummingModel();
        using var batcher = new DynamicBatcher(model, maxBatch: 8, TimeSpan.FromMilliseconds(2), maxQueued: 100);
        batcher.PreparingStarted(); // and never ended (a caller stuck decoding)

        var answer = await batcher.Enqueue(Image(1), default).Result.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(12f, answer[0]);
        Assert.Equal([1], model.BatchSizes);
    }
}
