using MlNetInterop;

// dotnet run --project samples/MlNetInterop -- model.onnx photo.jpg...
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: MlNetInterop <model.onnx> <image>...");
    return 2;
}
using var model = new MentorOnnxModel(args[0]);
var labels = model.PredictTop1(args[1..]);
for (var i = 1; i < args.Length; i++) Console.WriteLine($"{args[i]}: {labels[i - 1]}");
return 0;
