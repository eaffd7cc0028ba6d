using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Simulation;

return await Simulator.RunAsync(args, Environment.GetEnvironmentVariable(CommandLine.ConfigEnvironmentVariable), Console.In, Console.Out, Console.Error);
