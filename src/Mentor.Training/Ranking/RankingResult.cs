using System.Text.Json.Serialization;

namespace Mentor.Training.Ranking;

/// <summary>What <see cref="BackboneRanker.RankAsync"/> measured; serialised as the JSON the rank command prints.</summary>
public sealed record RankingResult
{
    /// <summary>The folder of training photos scored.</summary>
    public required string TrainRoot { get; init; }

    /// <summary>Photos scored (after any held-out split, skipped files excluded).</summary>
    public required int TrainImages { get; init; }

    /// <summary>Classes in the training folder.</summary>
    public required int Classes { get; init; }

    /// <summary>Where the verifying head was measured: a folder, or the training folder's held-out share; null when not verified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Validation { get; init; }

    /// <summary>Photos the verifying head was measured on; null when not verified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ValidationImages { get; init; }

    /// <summary>The candidates, best LogME first.</summary>
    public required IReadOnlyList<CandidateScore> Candidates { get; init; }

    /// <summary>How well each score ordered the candidates as their verified accuracy does; null when not verified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScoreCorrelations? KendallTau { get; init; }
}
