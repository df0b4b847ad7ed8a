using System.Diagnostics;
using System.Globalization;
using Mentor.Data;
using Mentor.Features;
using Mentor.Heads;
using Mentor.Models;

namespace Mentor.Training.Ranking;

/// <summary>
/// Scores candidate backbones for a dataset without training a network: each candidate's features (cached) give a
/// k-NN leave-one-out accuracy and a LogME evidence; verified runs also train the logistic head on each candidate, as
/// <see cref="ClassifierTrainer"/> does, and measure how well each score predicted its validation accuracy.
/// The constructor only stores the options; <see cref="RankAsync"/> does the work.
/// </summary>
/// <param name="options">The settings of every run; null: the defaults.</param>
public sealed class BackboneRanker(RankingOptions? options = null)
{
    /// <summary>The options every ranking uses (defaults when none were given).</summary>
    public RankingOptions Options { get; } = options ?? new RankingOptions();

    /// <summary>
    /// Ranks the candidates on <paramref name="trainDirectory"/>. Verified runs measure on <paramref name="validationDirectory"/>,
    /// else on a stratified share of the training photos, held out before anything is scored.
    /// Progress phases are <c>&lt;backbone&gt;: train</c>, <c>&lt;backbone&gt;: validation</c> and <c>&lt;backbone&gt;: fit</c>.
    /// </summary>
    public async Task<RankingResult> RankAsync(string trainDirectory, string? validationDirectory = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trainDirectory);
        if (Options.Backbones.Count == 0) throw new ArgumentException("Pass at least one candidate backbone.", nameof(options));
        var train = ImageFolderDataset.Open(trainDirectory);
        ImageFolderDataset? validation = null;
        string? validationName = null;
        if (validationDirectory is not null)
        {
            validation = ClassifierTrainer.Relabel(ImageFolderDataset.Open(validationDirectory, minimumClasses: 1), train.Labels);
            validationName = validation.Root;
        }
        else if (Options.Verify)
        {
            (train, validation) = StratifiedSplit.Split(train, Options.ValidationFraction, Options.Seed);
            validationName = string.Create(CultureInfo.InvariantCulture, $"{Options.ValidationFraction:P0} of {train.Root} held out (stratified, seed {Options.Seed})");
        }

        var candidates = new List<CandidateScore>();
        DatasetFeatures? scored = null;
        foreach (var name in Options.Backbones)
        {
            var candidate = await ScoreAsync(name, train, progress, cancellation).ConfigureAwait(false);
            scored = candidate.Features;
            var score = candidate.Score;
            if (Options.Verify)
            {
                var clock = Stopwatch.StartNew();
                var accuracy = await VerifyAsync(name, train, validation!, progress, cancellation).ConfigureAwait(false);
                score = score with { LinearAccuracy = accuracy, VerifySeconds = clock.Elapsed.TotalSeconds };
            }
            candidates.Add(score);
        }
        return new RankingResult
        {
            TrainRoot = train.Root,
            TrainImages = scored!.Count,
            Classes = train.Labels.Count,
            Validation = Options.Verify ? validationName : null,
            ValidationImages = Options.Verify ? validation!.Images.Count : null,
            Candidates = [.. candidates.OrderByDescending(c => c.LogMe)],
            KendallTau = Options.Verify ? Correlate(candidates) : null,
        };
    }

    private async Task<(CandidateScore Score, DatasetFeatures Features)> ScoreAsync(string name, ImageFolderDataset train,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var training = TrainingOptions(name);
        var (spec, identity, _, features) = await SplitFeaturizer.RunAsync(training, [train], [$"{name}: train"], progress, cancellation).ConfigureAwait(false);
        var featureSeconds = clock.Elapsed.TotalSeconds;
        var extracted = features[0]!;
        var rows = Options.Transform == FeatureTransform.None
            ? extracted.Features
            : [.. extracted.Features.Select(f => ClassifierHead.Apply(Options.Transform, f))];
        var knnClock = Stopwatch.StartNew();
        var knn = KnnLeaveOneOut.Score(rows, extracted.Targets, train.Labels.Count, Options.NeighbourCounts);
        var knnSeconds = knnClock.Elapsed.TotalSeconds;
        var logMeClock = Stopwatch.StartNew();
        var logMe = LogMe.Score(rows, extracted.Targets, train.Labels.Count);
        var score = new CandidateScore(name, identity, extracted.Features[0].Length, knn.Accuracy, knn.K, logMe, clock.Elapsed.TotalSeconds,
            featureSeconds, knnSeconds, logMeClock.Elapsed.TotalSeconds, extracted.Extraction.CacheHits);
        return (score, extracted);
    }

    // The head train fits, on the same photos, measured on the validation photos.
    private async Task<double> VerifyAsync(string name, ImageFolderDataset train, ImageFolderDataset validation,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var forward = progress is null ? null : new Forward<TrainingProgress>(p => progress.Report(p with { Phase = $"{name}: {p.Phase}" }));
        var trained = await new ClassifierTrainer(TrainingOptions(name)).FitAsync(train, validation, null, forward, cancellation).ConfigureAwait(false);
        return trained.Validation!.Metrics!.Accuracy;
    }

    private ClassifierTrainingOptions TrainingOptions(string backbone) => new()
    {
        Backbone = backbone,
        Seed = Options.Seed,
        Transform = Options.Transform,
        CacheDirectory = Options.CacheDirectory,
        UseCache = Options.UseCache,
        BatchSize = Options.BatchSize,
        Strict = Options.Strict,
    };

    private static ScoreCorrelations Correlate(IReadOnlyList<CandidateScore> candidates)
    {
        var truth = candidates.Select(c => c.LinearAccuracy!.Value).ToList();
        return new ScoreCorrelations(
            KendallTau.TauB([.. candidates.Select(c => c.KnnAccuracy)], truth),
            KendallTau.TauB([.. candidates.Select(c => c.LogMe)], truth));
    }
}
