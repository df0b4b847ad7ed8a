namespace Mentor.Training.Tuning;

/// <summary>
/// What a fine-tune decided before its first epoch: how many stages train and how much of a photo a random crop keeps,
/// each either chosen from the data by <see cref="FineTunePlanner"/> or taken from the options, with the evidence.
/// </summary>
/// <param name="Stages">Backbone stages that train, from the top.</param>
/// <param name="MinCrop">Smallest share of a photo's area a random crop keeps (1 with no augmentation).</param>
/// <param name="StagesChosen">Whether <paramref name="Stages"/> was chosen from the data (false: given, or nothing to choose on).</param>
/// <param name="CropChosen">Whether <paramref name="MinCrop"/> was chosen from the data.</param>
/// <param name="StageProbe">Validation accuracy of a linear probe on each stage's pooled output, from the top down (what decided the stages).</param>
/// <param name="CropProbe">The frozen head's validation accuracy on random crops at each smallest share tried, the plain view first at 1 (what decided the crop).</param>
/// <param name="Seconds">Seconds the probes took.</param>
public sealed record FineTunePlan(int Stages, double MinCrop, bool StagesChosen, bool CropChosen, IReadOnlyList<ProbeScore> StageProbe,
    IReadOnlyList<ProbeScore> CropProbe, double Seconds);

/// <summary>One probe's figure: what was tried (a stage counted from the top, or a crop share) and the validation accuracy it gave.</summary>
public sealed record ProbeScore(double Setting, double Accuracy);
