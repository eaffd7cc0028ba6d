namespace AfterSales.Benchmarks;

/// <summary>Reads the <c>Environment=NAME=value</c> lines of a systemd unit, so a benchmark runs the gateway as the unit would.</summary>
internal static class SystemdUnit
{
    public static Dictionary<string, string> Environment(string unitPath)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(unitPath).Select(l => l.Trim()).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
        {
            var assignment = line["Environment=".Length..].Trim('"');
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }

        return environment;
    }
}
