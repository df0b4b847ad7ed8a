using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mentor.Bench -- --filter '*'
// dotnet run -c Release --project bench/Mentor.Bench -- feature-agreement fp32.parquet int8.parquet
// dotnet run -c Release --project bench/Mentor.Bench -- lbfgs-check
// dotnet run -c Release --project bench/Mentor.Bench -- lanes-check [seconds]
// dotnet run -c Release --project bench/Mentor.Bench -- head-profile features.parquet [threads]
if (args is ["lanes-check", ..]) return Mentor.Bench.LanesCheck.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
if (args is ["head-profile", var features, ..]) return await Mentor.Bench.HeadProfile.RunAsync(features, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
if (args is ["lbfgs-check"]) return Mentor.Bench.LbfgsBenchmarks.Check();
if (args is ["feature-agreement", var reference, var other]) return await Mentor.Bench.FeatureAgreement.RunAsync(reference, other);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
