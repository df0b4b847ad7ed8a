using Mentor.Features;

namespace Mentor.Training;

/// <summary>Progress of a training run: which split is being featurised, and how far; the head being fitted; or fine-tuning.</summary>
/// <param name="Phase"><c>train</c>, <c>validation</c>, <c>test</c> (featurising), <c>fit</c> or <c>fine-tune</c>.</param>
/// <param name="Extraction">Featurising progress; null while fitting.</param>
/// <param name="FineTune">Fine-tuning progress, in the <c>fine-tune</c> phase.</param>
public sealed record TrainingProgress(string Phase, ExtractionProgress? Extraction, Tuning.FineTuneProgress? FineTune = null);
