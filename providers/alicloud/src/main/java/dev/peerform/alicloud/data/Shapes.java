package dev.peerform.alicloud.data;

import dev.peerform.value.Type;
import java.util.Map;
import java.util.TreeMap;

/** The object types of data source results, written as name, type, name, type... */
final class Shapes {

    private Shapes() {
    }

    static Type.ObjectType object(Object... nameAndType) {
        Map<String, Type> m = new TreeMap<>();
        for (int i = 0; i + 1 < nameAndType.length; i += 2) {
            m.put((String) nameAndType[i], (Type) nameAndType[i + 1]);
        }
        return (Type.ObjectType) Type.object(m);
    }
}
