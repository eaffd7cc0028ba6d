using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// Reads gateway.json with its <c>simulation</c> script. The gateway itself does not know that section (and rejects it
/// as an unknown field), so the script is taken out here and the rest is loaded and validated exactly as the gateway does.
/// </summary>
internal static class SimulatorConfigLoader
{
    public const string Section = "simulation";

    public static (ConfigLoadResult Site, SimulationConfig Script) Load(string path)
    {
        if (!GatewayConfigLoader.TryRead(path, out var bytes, out var error))
        {
            return (new ConfigLoadResult(null, error), new SimulationConfig());
        }

        return Parse(bytes, Path.GetFileName(path));
    }

    public static (ConfigLoadResult Site, SimulationConfig Script) Parse(byte[] utf8, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            // Not JSON at all: the gateway's loader says so in its own words, with the line.
            return (GatewayConfigLoader.Parse(utf8, file), new SimulationConfig());
        }

        if (root is not JsonObject obj || obj[Section] is not { } section)
        {
            return (GatewayConfigLoader.Parse(utf8, file), new SimulationConfig());
        }

        obj.Remove(Section);
        var site = GatewayConfigLoader.Parse(JsonSerializer.SerializeToUtf8Bytes(obj, SimulationJsonContext.Default.JsonObject), file);
        if (!site.IsValid)
        {
            return (site, new SimulationConfig());
        }

        SimulationConfig? script;
        try
        {
            script = section.Deserialize(SimulationJsonContext.Default.SimulationConfig);
        }
        catch (JsonException ex)
        {
            return (Fail($"{file}: {Section}.{GatewayConfigLoader.Describe(ex)}"), new SimulationConfig());
        }

        script ??= new SimulationConfig();
        var problem = SimulationScriptValidator.Validate(script, site.Config);
        return problem is null ? (site, script) : (Fail($"{file}: {problem}"), script);
    }

    private static ConfigLoadResult Fail(string message) => new(null, message);
}
