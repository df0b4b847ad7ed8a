using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mentor.Bench -- --filter '*'
// dotnet run -c Release --project bench/Mentor.Bench -- feature-agreement fp32.parquet int8.parquet
// dotnet run -c Release --project bench/Mentor.Bench -- lbfgs-check
if (args is ["lbfgs-check"]) return Mentor.Bench.LbfgsBenchmarks.Check();
if (args is ["feature-agreement", var reference, var other]) return await Mentor.Bench.FeatureAgreement.RunAsync(reference, other);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
