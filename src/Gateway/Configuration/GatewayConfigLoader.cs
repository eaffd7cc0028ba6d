using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.Gateway.Configuration;

/// <summary>Reads, parses and validates <c>gateway.json</c>; every failure becomes one message naming file and field.</summary>
internal static partial class GatewayConfigLoader
{
    public static ConfigLoadResult Load(string path) =>
        TryRead(path, out var bytes, out var error) ? Parse(bytes, Path.GetFileName(path)) : Fail(error);

    /// <summary>Reads the file, or says in one line why it cannot be read.</summary>
    public static bool TryRead(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = null;
        error = null;
        try
        {
            bytes = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"{path}: file not found";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read the file: {ex.Message}";
        }

        return false;
    }

    public static ConfigLoadResult Parse(ReadOnlySpan<byte> utf8, string file)
    {
        GatewayConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(utf8, GatewayConfigJsonContext.Default.GatewayConfig);
        }
        catch (JsonException ex)
        {
            return Fail($"{file}: {Describe(ex)}");
        }
        catch (InvalidOperationException ex)
        {
            return Fail($"{file}: not valid JSON: {ex.Message}");
        }

        if (config is null)
        {
            return Fail($"{file}: the file holds JSON null, an object was expected");
        }

        var problem = GatewayConfigValidator.Validate(config);
        return problem is null ? new ConfigLoadResult(config, null) : Fail($"{file}: {problem}");
    }

    private static ConfigLoadResult Fail(string message) => new(null, message);

    /// <summary>A serializer error as "field: reason", the way the validators name fields.</summary>
    public static string Describe(JsonException ex)
    {
        // "$.inputs[2].pin" reads better as "inputs[2].pin", the way the validator names fields.
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : string.Empty;
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            var field = missing.Groups[1].Value;
            return path.Length == 0 ? $"{field} is missing" : $"{path}.{field} is missing";
        }

        // The serializer already puts the unknown field at the end of the path.
        if (UnknownMember().IsMatch(message))
        {
            return $"{path} is not a known field";
        }

        if (ex.LineNumber is { } line)
        {
            message = $"{message} (line {line + 1})";
        }

        return path.Length == 0 ? $"invalid JSON: {message}" : $"{path}: {message}";
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownMember();
}
