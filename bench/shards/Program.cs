using Mentor.ShardTools;

// Helpers for bench/shards.sh and bench/million.sh (not part of the mentor CLI):
//   compare <shards-a> <shards-b>          merged rows: same photos once each, features bit for bit (else the largest difference)
//   weights <model-a.onnx> <model-b.onnx>  the two heads' weights and biases, bit for bit
//   million <shards> <out> <rows> <shards> synthetic feature shards: real rows resampled with noise
return args switch
{
    ["compare", var a, var b] => await ShardComparison.RunAsync(a, b),
    ["weights", var a, var b] => HeadComparison.Run(a, b),
    ["million", var source, var output, var rows, var shards] => await SyntheticShards.RunAsync(source, output, int.Parse(rows), int.Parse(shards)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: compare <shards-a> <shards-b> | weights <a.onnx> <b.onnx> | million <shards> <out-dir> <rows> <shards>");
    return 2;
}
