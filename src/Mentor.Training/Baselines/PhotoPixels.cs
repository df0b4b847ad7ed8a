using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using Mentor.Training.Tuning;
using static TorchSharp.torch;

namespace Mentor.Training.Baselines;

/// <summary>
/// Photos as one tensor of pixels for a network trained from scratch: each photo decoded once (upright, short side
/// scaled, centre crop) to <c>side x side</c> RGB in 0..1, stored in half precision ([N, 3, side, side]).
/// Decoding goes through the feature extraction pipeline with a model that returns its input.
/// </summary>
internal static class PhotoPixels
{
    public static async Task<Tensor> LoadAsync(IReadOnlyList<string> paths, int side, IProgress<ExtractionProgress>? progress, CancellationToken cancellation)
    {
        var identity = new PassThrough(side);
        var result = await new FeatureExtractor(identity, cache: null).ExtractAsync(paths, progress, cancellation).ConfigureAwait(false);
        StageInputExtraction.ThrowIfSkipped(result);
        var pixels = zeros([paths.Count, 3, side, side], ScalarType.Float16);
        for (var i = 0; i < paths.Count; i++)
        {
            using var photo = tensor(result.Features[i]!, [3, side, side]);
            using var slot = pixels[i];
            slot.copy_(photo);
        }
        return pixels;
    }

    // The "network" that returns the prepared image itself: 0..1 RGB, planar, no mean or scale removed.
    private sealed class PassThrough(int side) : IImageBatchModel
    {
        public string Identity => $"pixels-{side}";

        public PreprocessingSpec Preprocessing { get; } = new(side, ChannelOrder.Rgb, 1f / 255, () => [0f, 0f, 0f], null, ResizeRule.CenterCrop);

        public int OutputSize => 3 * side * side;

        public void Run(float[] inputs, int count, float[] outputs) => Array.Copy(inputs, outputs, count * OutputSize);
    }
}
