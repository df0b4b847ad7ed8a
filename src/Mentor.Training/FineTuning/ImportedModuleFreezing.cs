using TorchSharp.Modules;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Chooses which parts of an <see cref="ImportedModule"/> train: freeze everything, then unfreeze the nodes from a
/// given node on (graph order) or the last stages. Batch-norm modes follow (frozen ones stay in eval mode).
/// </summary>
public static class ImportedModuleFreezing
{
    /// <summary>Makes every parameter non-trainable.</summary>
    public static void FreezeAll(this ImportedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        SetTrainable(module, 0, false);
    }

    /// <summary>Makes the parameters of node <paramref name="nodeName"/> and every node after it trainable.</summary>
    /// <exception cref="OnnxImportException">No node has that name.</exception>
    public static void UnfreezeFrom(this ImportedModule module, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(module);
        var node = module.Nodes.FirstOrDefault(n => n.Name == nodeName)
            ?? throw new OnnxImportException($"The imported graph has no node named '{nodeName}'; stage starts are: {string.Join(", ", module.StageStarts())}.");
        SetTrainable(module, node.Index, true);
    }

    /// <summary>The nodes where the network's stages begin (each downsampling), in graph order.</summary>
    public static IReadOnlyList<ImportedNode> StageStarts(this ImportedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return [.. Backbones.StageFinder.Starts([.. module.Nodes.Select(n => n.Proto)]).Select(i => module.Nodes[i])];
    }

    /// <summary>Makes the last <paramref name="count"/> stages trainable (all stages when count exceeds them).</summary>
    public static void UnfreezeLastStages(this ImportedModule module, int count)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return;
        var starts = module.StageStarts();
        SetTrainable(module, count >= starts.Count ? 0 : starts[^count].Index, true);
    }

    /// <summary>The parameters that currently train (pass these to an optimiser).</summary>
    public static IReadOnlyList<Parameter> TrainableParameters(this ImportedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return [.. module.parameters().Where(p => p.requires_grad)];
    }

    private static void SetTrainable(ImportedModule module, int fromNode, bool trainable)
    {
        foreach (var node in module.Nodes.Skip(fromNode))
            foreach (var parameter in module.ParametersOf(node))
                parameter.requires_grad = trainable;
        module.train(module.training);
    }
}
