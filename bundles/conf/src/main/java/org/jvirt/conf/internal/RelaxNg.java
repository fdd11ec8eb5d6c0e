package org.jvirt.conf.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import com.thaiopensource.datatype.xsd.DatatypeLibraryFactoryImpl;
import com.thaiopensource.datatype.xsd.regex.java.RegexEngineImpl;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.prop.rng.RngProperty;
import com.thaiopensource.validate.rng.SAXSchemaReader;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * RelaxNG validation with jing. Compiled schemas are kept (they are immutable and thread-safe); each validation
 * gets its own validator. The datatype library and its regular expressions are given explicitly, since jing's
 * service lookups see no implementation inside OSGi.
 */
public final class RelaxNg {
    private static final ConcurrentHashMap<Path, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private RelaxNg() {
    }

    public static List<String> validate(String xml, Path schemaFile) {
        Schema schema = SCHEMAS.computeIfAbsent(schemaFile.toAbsolutePath().normalize(), RelaxNg::load);
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, collector(errors));
        Validator v = schema.createValidator(props.toPropertyMap());
        try {
            XMLReader r = parsers().newSAXParser().getXMLReader();
            r.setContentHandler(v.getContentHandler());
            r.setErrorHandler(collector(errors));
            r.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            errors.add(String.valueOf(e.getMessage()));
        }
        return errors;
    }

    private static Schema load(Path file) {
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(RngProperty.DATATYPE_LIBRARY_FACTORY, new DatatypeLibraryFactoryImpl(new RegexEngineImpl()));
        List<String> errors = new ArrayList<>();
        props.put(ValidateProperty.ERROR_HANDLER, collector(errors));
        try {
            return SAXSchemaReader.getInstance().createSchema(new InputSource(file.toUri().toString()),
                    props.toPropertyMap());
        } catch (IOException | SAXException | IncorrectSchemaException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    "Unable to parse schema file " + file + ": " + (errors.isEmpty() ? e.getMessage() : errors), e);
        }
    }

    private static SAXParserFactory parsers() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException | SAXException e) {
            // the guard is the parser's own; GuardedXmlReader refuses DTDs before validation anyway
        }
        return f;
    }

    private static ErrorHandler collector(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        };
    }
}
