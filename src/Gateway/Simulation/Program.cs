using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Simulation;

return await Simulator.RunAsync(args, Environment.GetEnvironmentVariable(ConfigLocation.EnvironmentVariable), Console.In, Console.Out, Console.Error);
