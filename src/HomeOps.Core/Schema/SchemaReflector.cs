using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using HomeOps.Core.Networking;

namespace HomeOps.Core.Schema;

/// <summary>Builds <see cref="SchemaType"/>s from record types annotated with <see cref="ConfigKeyAttribute"/>.</summary>
public static class SchemaReflector
{
    private static readonly ConcurrentDictionary<Type, ObjectSchemaType> s_cache = new();

    public static ObjectSchemaType Describe(Type type) => s_cache.GetOrAdd(type, Reflect);

    public static ObjectSchemaType Describe<T>()
        where T : ConfigObject => Describe(typeof(T));

    private static ObjectSchemaType Reflect(Type type)
    {
        var defaults = Activator.CreateInstance(type);
        var properties = new List<PropertySchema>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = property.GetCustomAttribute<ConfigKeyAttribute>();
            if (key is null)
            {
                continue;
            }

            properties.Add(new PropertySchema(
                key.Name,
                property,
                TypeOf(property.PropertyType, property),
                key.Required,
                key.Description,
                key.Example,
                property.GetValue(defaults)));
        }

        var description = type.GetCustomAttribute<ConfigObjectAttribute>()?.Description ?? string.Empty;
        return new ObjectSchemaType(type, description, properties);
    }

    private static SchemaType TypeOf(Type clrType, PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var items = property.GetCustomAttribute<ItemsAttribute>();
            return new ListSchemaType(TypeOf(type.GetGenericArguments()[0], property), items?.Minimum ?? 0, items?.Maximum ?? int.MaxValue);
        }

        if (typeof(ConfigObject).IsAssignableFrom(type))
        {
            return Describe(type);
        }

        var format = property.GetCustomAttribute<ConfigKeyAttribute>()?.Format is { } f ? ValueFormats.Get(f) : null;
        var range = property.GetCustomAttribute<RangeAttribute>();
        if (type == typeof(string))
        {
            return new ScalarSchemaType(ScalarValueKind.String, type, format);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new ScalarSchemaType(ScalarValueKind.Integer, type, null, range?.Minimum ?? (type == typeof(int) ? int.MinValue : long.MinValue), range?.Maximum ?? (type == typeof(int) ? int.MaxValue : long.MaxValue));
        }

        if (type == typeof(bool))
        {
            return new ScalarSchemaType(ScalarValueKind.Boolean, type);
        }

        if (type == typeof(IpNetwork))
        {
            return new ScalarSchemaType(ScalarValueKind.Network, type);
        }

        if (type == typeof(IPAddress))
        {
            return new ScalarSchemaType(ScalarValueKind.Address, type);
        }

        if (type == typeof(IpRange))
        {
            return new ScalarSchemaType(ScalarValueKind.Range, type);
        }

        if (type.IsEnum)
        {
            return new ScalarSchemaType(ScalarValueKind.Enum, type, EnumValues: [.. EnumNames(type).Keys]);
        }

        throw new InvalidOperationException($"Configuration property {property.DeclaringType?.Name}.{property.Name} has unsupported type {type.Name}");
    }

    /// <summary>YAML spelling → enum value, in declaration order.</summary>
    public static IReadOnlyDictionary<string, object> EnumNames(Type enumType)
    {
        var names = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = field.GetCustomAttribute<ConfigValueAttribute>()?.Name
                ?? char.ToLowerInvariant(field.Name[0]) + field.Name[1..];
            names[name] = field.GetValue(null)!;
        }

        return names;
    }

    public static string EnumName(object value)
    {
        foreach (var (name, member) in EnumNames(value.GetType()))
        {
            if (member.Equals(value))
            {
                return name;
            }
        }

        return value.ToString() ?? string.Empty;
    }
}
