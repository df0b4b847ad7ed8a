using Mentor.Features;

namespace Mentor.Training;

/// <summary>Progress of a training run: which split is being featurised, and how far; or the head being fitted.</summary>
/// <param name="Phase"><c>train</c>, <c>validation</c>, <c>test</c> (featurising) or <c>fit</c>.</param>
/// <param name="Extraction">Featurising progress; null while fitting.</param>
public sealed record TrainingProgress(string Phase, ExtractionProgress? Extraction);
