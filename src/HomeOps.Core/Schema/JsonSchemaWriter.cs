using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HomeOps.Core.Schema;

/// <summary>Writes a JSON Schema (draft 2020-12) of a configuration type, for editor completion and validation.</summary>
public static class JsonSchemaWriter
{
    public static string Write(ObjectSchemaType root, string id, string title)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            writer.WriteString("$id", id);
            writer.WriteString("title", title);
            WriteObjectBody(writer, root, withDescription: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteObjectBody(Utf8JsonWriter writer, ObjectSchemaType type, bool withDescription)
    {
        if (withDescription && type.Description.Length > 0)
        {
            writer.WriteString("description", type.Description);
        }

        writer.WriteString("type", "object");
        writer.WriteBoolean("additionalProperties", false);
        var required = type.Properties.Where(p => p.Required).Select(p => p.Key).ToList();
        if (required.Count > 0)
        {
            writer.WriteStartArray("required");
            required.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        foreach (var property in type.Properties)
        {
            writer.WriteStartObject(property.Key);
            writer.WriteString("description", property.Description);
            WriteType(writer, property.Type, describeObjects: false);
            WriteDefault(writer, property);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter writer, SchemaType type, bool describeObjects)
    {
        switch (type)
        {
            case ObjectSchemaType o:
                WriteObjectBody(writer, o, describeObjects);
                break;
            case ListSchemaType l:
                writer.WriteString("type", "array");
                if (l.MinItems > 0)
                {
                    writer.WriteNumber("minItems", l.MinItems);
                }

                if (l.MaxItems != int.MaxValue)
                {
                    writer.WriteNumber("maxItems", l.MaxItems);
                }

                writer.WriteStartObject("items");
                WriteType(writer, l.Item, describeObjects: true);
                writer.WriteEndObject();
                break;
            case ScalarSchemaType s:
                WriteScalar(writer, s);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarSchemaType s)
    {
        switch (s.Kind)
        {
            case ScalarValueKind.Integer:
                writer.WriteString("type", "integer");
                writer.WriteNumber("minimum", s.Minimum ?? long.MinValue);
                writer.WriteNumber("maximum", s.Maximum ?? long.MaxValue);
                break;
            case ScalarValueKind.Boolean:
                writer.WriteString("type", "boolean");
                break;
            case ScalarValueKind.Enum:
                writer.WriteString("type", "string");
                writer.WriteStartArray("enum");
                foreach (var value in s.EnumValues ?? [])
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
                break;
            case ScalarValueKind.Network:
                writer.WriteString("type", "string");
                writer.WriteString("pattern", "^[0-9a-fA-F:.]+/[0-9]{1,3}$");
                break;
            case ScalarValueKind.Address:
                writer.WriteString("type", "string");
                writer.WriteStartArray("anyOf");
                foreach (var format in new[] { "ipv4", "ipv6" })
                {
                    writer.WriteStartObject();
                    writer.WriteString("format", format);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case ScalarValueKind.Range:
                writer.WriteString("type", "string");
                writer.WriteString("pattern", "^[0-9a-fA-F:.]+-[0-9a-fA-F:.]+$");
                break;
            default:
                writer.WriteString("type", "string");
                if (s.Format?.JsonPattern is { } pattern)
                {
                    writer.WriteString("pattern", pattern);
                }

                break;
        }
    }

    private static void WriteDefault(Utf8JsonWriter writer, PropertySchema property)
    {
        switch (property.DefaultValue)
        {
            case string text when text.Length > 0:
                writer.WriteString("default", text);
                break;
            case bool flag:
                writer.WriteBoolean("default", flag);
                break;
            case int number when property.Type is ScalarSchemaType { Kind: ScalarValueKind.Integer }:
                writer.WriteNumber("default", number);
                break;
            case Enum value:
                writer.WriteString("default", SchemaReflector.EnumName(value));
                break;
        }
    }
}
