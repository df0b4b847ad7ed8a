using Mentor.Studio.Training;

namespace Mentor.Studio.Projects;

/// <summary>The studio's memory of a project between runs: the format and the last training's report.</summary>
public sealed record ProjectState
{
    /// <summary>Written by this version; a newer file is refused rather than misread.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public TrainingReport? LastTraining { get; init; }
}
