using System.Text.Json;
using AfterSales.Gateway.Faults;

namespace AfterSales.Gateway.Inputs;

/// <summary>A debounced change of one input, confirmed at <paramref name="ConfirmedAt"/>.</summary>
internal sealed record InputChange(InputConfig Input, bool IsFault, DateTimeOffset ConfirmedAt)
{
    /// <summary>What the fault tracker is told: the input's device and fault, with the pin and contact as detail.</summary>
    public FaultObservation ToObservation() =>
        new(Input.DeviceId, Input.DeviceKind, Input.Fault, IsFault, Input.EffectiveSeverity, ConfirmedAt, Detail(Input));

    private static JsonElement Detail(InputConfig input)
    {
        var contact = input.Contact switch
        {
            ContactType.NormallyClosed => "normallyClosed",
            ContactType.NormallyOpen => "normallyOpen",
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Contact, "Unknown contact type."),
        };
        return JsonSerializer.SerializeToElement(new InputFaultDetail(input.Pin, input.Name, contact), InputJsonContext.Default.InputFaultDetail);
    }
}
