using Mentor.Heads.Logistic;
using Mentor.Models;
using Mentor.Training.FineTuning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>
/// What fine-tuning trains: the backbone's top stages (imported from ONNX, starting at a stage's input) followed by
/// the head, initialised from the linear head fitted on frozen features. Output: logits.
/// </summary>
internal sealed class TunedNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ImportedModule top;
    private readonly Linear head;
    private readonly FeatureTransform transform;

    public TunedNetwork(ImportedModule top, LinearHead initial) : base(nameof(TunedNetwork))
    {
        this.top = top;
        transform = initial.Transform;
        head = nn.Linear(initial.Dimension, initial.ClassCount);
        using (no_grad())
        {
            head.weight!.copy_(tensor(initial.Weights.ToArray(), [initial.ClassCount, initial.Dimension]));
            head.bias!.copy_(tensor(initial.Bias.ToArray()));
        }
        RegisterComponents();
    }

    /// <summary>The imported top stages.</summary>
    public ImportedModule Top => top;

    /// <summary>Parameters of the backbone's stages (first) and of the head (second), for separate learning rates.</summary>
    public (IReadOnlyList<Parameter> Backbone, IReadOnlyList<Parameter> Head) ParameterGroups() =>
        ([.. top.parameters().Where(p => p.requires_grad)], [head.weight!, head.bias!]);

    public override Tensor forward(Tensor stageInput)
    {
        using var scope = NewDisposeScope();
        var features = top.forward(stageInput).flatten(1);
        // The same transform the exported graph applies (Relu then Sqrt): Relu's gradient is 0 where the root's is infinite.
        if (transform == FeatureTransform.Sqrt) features = features.relu().sqrt();
        return head.forward(features).MoveToOuterDisposeScope();
    }

    /// <summary>The head's current weights as a <see cref="LinearHead"/>.</summary>
    public LinearHead ToLinearHead()
    {
        using (no_grad())
            return new LinearHead(head.weight!.contiguous().data<float>().ToArray(), head.bias!.data<float>().ToArray(), transform);
    }
}
