using Mentor.Backbones;
using Mentor.Imaging;

namespace Mentor.Training;

/// <summary>How <see cref="ClassifierTrainer"/> turns image folders into a classifier.</summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>The backbone: a built-in name, a spec .json or an .onnx file (see <see cref="BackboneResolver"/>).</summary>
    public string Backbone { get; init; } = BackboneRegistry.DefaultName;

    /// <summary>Registered head kind (<see cref="Heads.HeadRegistry"/>): <c>logistic</c> (default), <c>knn</c>, <c>mlp</c>.</summary>
    public string Head { get; init; } = Heads.HeadRegistry.DefaultName;

    /// <summary>Seeds the validation split and the cross-validation folds: same seed, same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Seeds the test and validation splits instead of <see cref="Seed"/>: vary the training seed over the same split. Null: <see cref="Seed"/>.</summary>
    public int? SplitSeed { get; init; }

    /// <summary>
    /// Share of each training class held out for validation when no validation folder is given; 0 (default)
    /// holds nothing out and chooses the head's settings by cross-validation on the training images.
    /// </summary>
    public double ValidationFraction { get; init; }

    /// <summary>
    /// Share of each training class held out as a test set when no test folder is given (seeded, stratified, split
    /// off before any validation split); 0 (default): no test set.
    /// </summary>
    public double TestFraction { get; init; }

    /// <summary>Applied to backbone features before the head (stored in the model); default: square root.</summary>
    public Models.FeatureTransform Transform { get; init; } = Models.FeatureTransform.Sqrt;

    /// <summary>
    /// The head's setting from an earlier run on much the same photos (its <see cref="TrainedClassifier.ChosenSetting"/>,
    /// such as <c>C=0.03</c>): the head is fitted with it instead of searching, which is most of a warm run's time. Null
    /// (default): search.
    /// </summary>
    public string? HeadSetting { get; init; }

    /// <summary>Class-balanced weights, for skewed datasets (logistic head).</summary>
    public bool Balance { get; init; }

    /// <summary>Fail on any unusable file instead of skipping it.</summary>
    public bool Strict { get; init; }

    /// <summary>Cache folder for features and prepared backbones; null: <see cref="MentorPaths.DefaultCacheDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether backbone features are read from and written to the cache.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Overrides the backbone's resize rule; null: the backbone's default.</summary>
    public ResizeRule? Resize { get; init; }

    /// <summary>Images per backbone call.</summary>
    public int BatchSize { get; init; } = Features.ExtractionOptions.Default.BatchSize;

    /// <summary>
    /// Featurise through the int8 quantisation of the backbone (about 3x faster on CPUs with AVX-512 VNNI), calibrated on
    /// a seeded sample of the training photos; the written model is then int8 end to end.
    /// </summary>
    public bool Int8 { get; init; }

    /// <summary>
    /// Fine-tune the backbone's top stages with the head after fitting it (see <see cref="Tuning.FineTuner"/>); null: the
    /// backbone stays frozen. Needs validation photos: without a validation folder or fraction, 10% of the training photos are held out.
    /// </summary>
    public Tuning.FineTuneOptions? FineTune { get; init; }

    /// <summary>Training photos sampled (with <see cref="Seed"/>) to calibrate the int8 backbone.</summary>
    public int CalibrationPhotos { get; init; } = Quantization.CalibrationSet.DefaultCount;
}
