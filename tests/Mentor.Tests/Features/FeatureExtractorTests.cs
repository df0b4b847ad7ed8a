using Mentor.Backbones;
using Mentor.Data;
using Mentor.Features;
using Mentor.Imaging;
using Mentor.Tests.Support;

namespace Mentor.Tests.Features;

[Collection(BackboneCollection.Name)]
public sealed class FeatureExtractorTests(SharedBackbone shared) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FeatureExtractor Extractor(string cacheName = "cache", ExtractionOptions? options = null) =>
        new(shared.Backbone, new FeatureCache(_temp.Combine(cacheName)), options ?? new ExtractionOptions(BatchSize: 4));

    private List<string> Photos(int perClass = 2) =>
        SharedData.SomeClothingPhotos(perClass).Select((p, i) => CopyTo(p, $"photo{i}.jpg")).ToList();

    private string CopyTo(string source, string name)
    {
        var target = _temp.Combine("files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return target;
    }

    [Fact]
    public void A_second_run_reads_every_vector_from_the_cache()
    {
        var photos = Photos();
        var extractor = Extractor();

        var cold = extractor.Extract(photos);
        var warm = extractor.Extract(photos);

        Assert.Equal((photos.Count, 0), (cold.Computed, cold.CacheHits));
        Assert.Equal((0, photos.Count), (warm.Computed, warm.CacheHits));
        for (var i = 0; i < photos.Count; i++) Assert.Equal(cold.Features[i], warm.Features[i]);
    }

    [Fact]
    public void A_run_answered_wholly_from_the_cache_never_asks_the_model_anything()
    {
        // Given every photo cached by a first run
        var photos = Photos();
        var cache = new FeatureCache(_temp.Combine("cache"));
        var cold = new FeatureExtractor(shared.Backbone, cache).Extract(photos);

        // When a model that fails on any use (as a backbone that still has to load its weights would pay for it) extracts them again
        var warm = new FeatureExtractor(new UnusableModel(shared.Backbone), cache).Extract(photos);

        // Then every vector comes from the cache, whole
        Assert.Equal(photos.Count, warm.CacheHits);
        for (var i = 0; i < photos.Count; i++) Assert.Equal(cold.Features[i], warm.Features[i]);
    }

    [Fact]
    public void Features_do_not_depend_on_the_batch_size_or_decoding_threads()
    {
        var photos = Photos(perClass: 3);
        var one = new FeatureExtractor(shared.Backbone, null, new ExtractionOptions(BatchSize: 1, DecodeThreads: 1)).Extract(photos);
        var five = new FeatureExtractor(shared.Backbone, null, new ExtractionOptions(BatchSize: 5, DecodeThreads: 2)).Extract(photos);

        for (var i = 0; i < photos.Count; i++)
            Assert.True(one.Features[i]!.Zip(five.Features[i]!).Max(p => Math.Abs(p.First - p.Second)) < 1e-3);
    }

    [Fact]
    public void A_renamed_or_copied_image_is_a_hit_and_a_changed_one_a_miss()
    {
        var photos = Photos(perClass: 1);
        var extractor = Extractor();
        var first = extractor.Extract(photos);

        var renamed = _temp.Combine("files", "renamed.jpg");
        File.Move(photos[0], renamed);
        var copied = CopyTo(photos[1], "copy-elsewhere.jpg");
        var changed = photos[2];
        File.AppendAllText(changed, "trailing bytes after the JPEG end marker");

        var second = extractor.Extract([renamed, copied, changed]);

        Assert.Equal(2, second.CacheHits);
        Assert.Equal(1, second.Computed);
        Assert.Equal(first.Features[0], second.Features[0]);
    }

    [Fact]
    public void Another_resize_rule_is_another_cache_namespace()
    {
        var photos = Photos(perClass: 1);
        Extractor().Extract(photos);
        using var stretched = Backbone.Load("resnet18", BackboneOptions.Default with { Resize = ResizeRule.StretchToFit, CacheDirectory = shared.CacheDirectory });

        var result = new FeatureExtractor(stretched, new FeatureCache(_temp.Combine("cache"))).Extract(photos);

        Assert.Equal(0, result.CacheHits);
    }

    [Fact]
    public void A_corrupt_cache_entry_is_recomputed_to_the_same_vector()
    {
        var photos = Photos(perClass: 1);
        var extractor = Extractor();
        var first = extractor.Extract(photos);
        var entry = Directory.GetFiles(_temp.Combine("cache"), "*.f32", SearchOption.AllDirectories)[0];
        var bytes = File.ReadAllBytes(entry);
        bytes[200] ^= 0xFF;
        File.WriteAllBytes(entry, bytes);

        var second = extractor.Extract(photos);

        Assert.Equal(photos.Count - 1, second.CacheHits);
        for (var i = 0; i < photos.Count; i++)
            Assert.True(first.Features[i]!.Zip(second.Features[i]!).Max(p => Math.Abs(p.First - p.Second)) < 1e-4);
    }

    [Fact]
    public void Unusable_files_are_skipped_with_their_reasons_and_the_rest_extracted()
    {
        var photos = Photos(perClass: 1);
        var empty = _temp.Combine("files", "empty.jpg");
        File.WriteAllBytes(empty, []);
        var text = _temp.Combine("files", "notes.txt");
        File.WriteAllText(text, "hello");
        var truncated = _temp.Combine("files", "truncated.jpg");
        File.WriteAllBytes(truncated, File.ReadAllBytes(photos[0])[..2000]);
        var bomb = _temp.Combine("files", "bomb.png");
        File.WriteAllBytes(bomb, Fixtures.PngHeaderClaiming(12_000, 12_000));

        var result = Extractor().Extract([.. photos, empty, text, truncated, bomb, _temp.Combine("files", "vanished.jpg")]);

        Assert.Equal(photos.Count, result.Computed);
        Assert.Equal(
            ["empty file (0 bytes)", "not an image", "truncated image", "144 megapixels", "file not found"],
            result.Skipped.Select(s => s.Reason switch
            {
                var r when r.StartsWith("not an image", StringComparison.Ordinal) => "not an image",
                var r when r.StartsWith("truncated image", StringComparison.Ordinal) => "truncated image",
                var r when r.Contains("144 megapixels", StringComparison.Ordinal) => "144 megapixels",
                var r => r,
            }));
        Assert.All(result.Skipped, s => Assert.Null(result.Features[result.Paths.ToList().IndexOf(s.Path)]));
    }

    [Fact]
    public async Task A_dataset_with_an_unusable_file_fails_in_strict_mode_and_skips_it_otherwise()
    {
        var root = _temp.MakeClothingDataset("data", 2, "dress", "shoes");
        File.WriteAllText(Path.Combine(root, "dress", "broken.jpg"), "not a jpeg");
        var dataset = ImageFolderDataset.Open(root);

        var lenient = await Extractor().ExtractAsync(dataset);
        var error = await Assert.ThrowsAsync<UnusableFilesException>(() => Extractor().ExtractAsync(dataset, strict: true));

        Assert.Equal(4, lenient.Count);
        Assert.Equal([0, 0, 1, 1], lenient.Targets);
        Assert.Contains("broken.jpg", error.Message);
        Assert.Contains("without strictness", error.Message);
    }

    [Fact]
    public async Task A_class_with_no_usable_image_is_an_error_naming_it()
    {
        var root = _temp.MakeClothingDataset("data", 2, "dress");
        Directory.CreateDirectory(Path.Combine(root, "hat"));
        File.WriteAllText(Path.Combine(root, "hat", "a.jpg"), "not a jpeg");

        var error = await Assert.ThrowsAsync<DatasetException>(() => Extractor().ExtractAsync(ImageFolderDataset.Open(root)));

        Assert.Contains("class 'hat' has no usable image", error.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_promptly()
    {
        var photos = SharedData.Clothing("train", "t-shirt", 200);
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Done >= 8) cancellation.Cancel(); });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FeatureExtractor(shared.Backbone, null).ExtractAsync(photos, progress, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    // The backbone's identity and preprocessing (what the cache keys need), and nothing else.
    private sealed class UnusableModel(IImageBatchModel model) : IImageBatchModel
    {
        public string Identity => model.Identity;

        public PreprocessingSpec Preprocessing => model.Preprocessing;

        public int OutputSize => throw new InvalidOperationException("the output size was asked for");

        public void Run(float[] inputs, int count, float[] outputs) => throw new InvalidOperationException("the model was run");
    }

    private sealed class SyncProgress(Action<ExtractionProgress> report) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => report(value);
    }
}
