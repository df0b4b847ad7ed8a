using Mentor.Backbones;
using Mentor.Imaging;
using static TorchSharp.torch;

namespace Mentor.Training.Baselines;

/// <summary>
/// <see cref="Augmentation"/>'s random changes applied to a whole batch of decoded photos in libtorch, for networks
/// trained from pixels: each photo gets its own random resized crop and mirror (one affine sampling grid per photo)
/// and its own brightness, contrast and saturation factors. Output: ImageNet-normalised float [N, 3, side, side].
/// Draws from libtorch's generator (seed it first). <see cref="ImageAugmenter"/> does the same per photo with SkiaSharp
/// for the backbone's views; here the photos are already decoded and the batch is augmented afresh every epoch.
/// </summary>
internal static class BatchAugmentation
{
    public static Tensor Apply(Tensor photos, int side, Augmentation augmentation)
    {
        using var scope = NewDisposeScope();
        var n = photos.shape[0];
        var x = photos.to_type(ScalarType.Float32);
        // Crop area share and aspect ratio (log-uniform), as fractions of the stored photo's side.
        var area = rand(n) * (1 - augmentation.MinScale) + augmentation.MinScale;
        var logRatio = (rand(n) * 2 - 1) * Math.Log(augmentation.MaxAspectRatio);
        var ratio = logRatio.exp();
        var width = (area * ratio).sqrt().clamp_max(1);
        var height = (area / ratio).sqrt().clamp_max(1);
        var centreX = (rand(n) * 2 - 1) * (1 - width);
        var centreY = (rand(n) * 2 - 1) * (1 - height);
        var mirror = augmentation.HorizontalFlip ? (rand(n) < 0.5).to_type(ScalarType.Float32) * -2 + 1 : ones(n);
        var zero = zeros(n);
        var theta = stack([stack([width * mirror, zero, centreX], 1), stack([zero, height, centreY], 1)], 1);
        var grid = nn.functional.affine_grid(theta, [n, 3, side, side], align_corners: false);
        x = nn.functional.grid_sample(x, grid, align_corners: false);
        if (augmentation.ColorJitter > 0)
        {
            var jitter = augmentation.ColorJitter;
            Tensor Factor() => (rand(n, 1, 1, 1) * 2 - 1) * jitter + 1;
            x = x * Factor();
            var mean = x.mean([1, 2, 3], keepdim: true);
            x = (x - mean) * Factor() + mean;
            var grey = (x * tensor(new[] { 0.299f, 0.587f, 0.114f }).view(1, 3, 1, 1)).sum(1, keepdim: true);
            x = ((x - grey) * Factor() + grey).clamp(0, 1);
        }
        return Normalise(x).MoveToOuterDisposeScope();
    }

    /// <summary>The centre <paramref name="side"/> x <paramref name="side"/> of each photo, normalised.</summary>
    public static Tensor CenterCrop(Tensor photos, int side)
    {
        using var scope = NewDisposeScope();
        var offset = (photos.shape[2] - side) / 2;
        var crop = photos.narrow(2, offset, side).narrow(3, offset, side).to_type(ScalarType.Float32);
        return Normalise(crop).MoveToOuterDisposeScope();
    }

    private static Tensor Normalise(Tensor x) =>
        (x - tensor(ImageNetStatistics.Mean).view(1, 3, 1, 1)) / tensor(ImageNetStatistics.Std).view(1, 3, 1, 1);
}
