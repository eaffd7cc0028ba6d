using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// A deployment's own settings file, named by <c>--config FILE</c> or <c>AFTERSALES_CLOUD_CONFIG</c>.
/// It sits above appsettings.json but below environment variables and the command line, so a
/// single setting can still be overridden at launch.
/// </summary>
internal static class ExtraConfigFile
{
    public static void Insert(ConfigurationManager configuration, string[] args)
    {
        var path = Option(args) ?? Environment.GetEnvironmentVariable("AFTERSALES_CLOUD_CONFIG");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The configuration file '{full}' does not exist.", full);
        }

        var sources = configuration.Sources;
        // The application's unprefixed environment source follows appsettings.json; go just before it.
        var before = sources.Count;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                before = i;
                break;
            }
        }

        var file = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false);
        sources.Insert(before, file.Sources[0]);
    }

    private static string? Option(string[] args)
    {
        var i = Array.IndexOf(args, "--config");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
