namespace Mentor.TestBackbones;

/// <summary>How one ecosystem names the parts of a ResNet-18 re-wrapped with an ImageNet classifier on top.</summary>
internal sealed record ClassifierNames(
    string Name, string Input, string Output, string PreLogits, string Weight, string Bias, string BatchName, ulong Seed, string DocString);
