using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Runs one imported ONNX node: <paramref name="inputs"/> in the node's input order (null for an absent optional
/// input), <paramref name="training"/> the module's mode. Returns the node's first output as a new tensor handle
/// (never one of the inputs: an identity returns an alias), which the graph runner owns. Inputs are borrowed.
/// </summary>
internal delegate Tensor NodeKernel(Tensor?[] inputs, bool training);
