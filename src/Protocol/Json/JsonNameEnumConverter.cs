using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Protocol.Json;

/// <summary>
/// An enum as its <see cref="JsonStringEnumMemberNameAttribute"/> name (the member's own name where it has none), read as
/// <see cref="JsonStringEnumConverter{TEnum}"/> reads it: the given name exactly (a member's own name in any case), surrounding
/// spaces ignored, or an integer
/// (a JSON number or a numeric string; the enums here are all int). Anything else fails with the serializer's usual "could not be converted" error and path.
/// </summary>
/// <remarks>
/// Used instead of <see cref="JsonStringEnumConverter{TEnum}"/> because that one tests every value it has not seen yet
/// against a regular expression, which loads System.Text.RegularExpressions into the gateway for reading its own
/// configuration: about a megabyte resident on the board (docs/benchmarks.md, "Memory, third pass").
/// </remarks>
public sealed class JsonNameEnumConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly (string Name, bool Given, TEnum Value)[] Members = [.. typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>() is { } given
            ? (given.Name, true, (TEnum)f.GetValue(null)!)
            : (f.Name, false, (TEnum)f.GetValue(null)!))];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return FromNumber(number);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var text = reader.GetString()!.AsSpan().Trim();
        // A name given by the attribute must match exactly; a member's own name in any case.
        foreach (var (name, given, value) in Members)
        {
            if (text.Equals(name, given ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) ? FromNumber(number) : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        foreach (var (name, _, member) in Members)
        {
            if (EqualityComparer<TEnum>.Default.Equals(member, value))
            {
                writer.WriteStringValue(name);
                return;
            }
        }

        // A value without a name is written as its number, as JsonStringEnumConverter does.
        writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private static TEnum FromNumber(int number) => (TEnum)Enum.ToObject(typeof(TEnum), number);
}
