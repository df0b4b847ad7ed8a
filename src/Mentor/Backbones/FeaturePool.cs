namespace Mentor.Backbones;

/// <summary>How a backbone's feature value becomes one vector per image.</summary>
public enum FeaturePool
{
    /// <summary>Decided from the value's rank: a 4-D map is averaged over space, 3-D tokens give the first (CLS) token, 2-D is kept.</summary>
    Auto,

    /// <summary>Average over space (a 4-D map; the channel axis follows the layout).</summary>
    Avg,

    /// <summary>The first token of [N, T, D] (ViT, DINOv2, CLIP).</summary>
    Cls,

    /// <summary>The mean over the tokens of [N, T, D].</summary>
    Mean,

    /// <summary>Kept as is, flattened per image.</summary>
    None,
}
