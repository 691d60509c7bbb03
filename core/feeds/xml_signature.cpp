#include "feeds/xml_signature.h"

#include <QDir>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/strings.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <mutex>
#include <vector>

namespace vigie::feeds {

QString SignatureCheck::word() const
{
    switch (state) {
    case SignatureState::Valid:
        return QStringLiteral("valid");
    case SignatureState::ValidUntrusted:
        return QStringLiteral("valid_untrusted");
    case SignatureState::Invalid:
        return QStringLiteral("invalid");
    case SignatureState::Absent:
        break;
    }
    return QStringLiteral("absent");
}

QString SignatureCheck::describe() const
{
    if (state == SignatureState::Invalid)
        return QStringLiteral("invalid (%1): %2").arg(part, reason);
    return word();
}

namespace {

const xmlChar *dsigNs = reinterpret_cast<const xmlChar *>("http://www.w3.org/2000/09/xmldsig#");

void silentXmlsecError(const char *, int, const char *, const char *, const char *, int, const char *) {}

void silentXmlError(void *, const char *, ...) {}

// libxmlsec1 and its OpenSSL engine are initialised once per process, never shut down (the process may verify
// until it exits; xmlSecShutdown is not safe while another thread verifies).
bool initialise()
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSecErrorsSetCallback(silentXmlsecError);
        ok = xmlSecInit() >= 0 && xmlSecCheckVersion() == 1 && xmlSecOpenSSLAppInit(nullptr) >= 0 &&
             xmlSecOpenSSLInit() >= 0;
    });
    return ok;
}

SignatureCheck invalid(const char *part, const QString &reason)
{
    return {SignatureState::Invalid, QString::fromLatin1(part), reason};
}

struct DocFree
{
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};
struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct CtxFree
{
    void operator()(xmlSecDSigCtx *c) const { xmlSecDSigCtxDestroy(c); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

bool isDsig(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns && xmlStrEqual(node->ns->href, dsigNs) &&
           xmlStrEqual(node->name, reinterpret_cast<const xmlChar *>(name));
}

std::vector<xmlNode *> dsigChildren(xmlNode *parent, const char *name)
{
    std::vector<xmlNode *> out;
    for (xmlNode *c = parent ? parent->children : nullptr; c; c = c->next)
        if (isDsig(c, name))
            out.push_back(c);
    return out;
}

QByteArray textOf(xmlNode *node)
{
    xmlChar *content = xmlNodeGetContent(node);
    QByteArray out(reinterpret_cast<const char *>(content));
    xmlFree(content);
    return out;
}

// Decoders ignore the unused bits of the last base64 character; a value whose text is not the canonical
// encoding of its bytes has been altered (see the header). Qt's decoder is used, then re-encoded to compare.
std::optional<QByteArray> canonicalBase64(QByteArray text)
{
    text = text.simplified().replace(' ', QByteArray());
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != text)
        return std::nullopt;
    return decoded.decoded;
}

QString opensslCertificateProblem(X509 *cert, const std::vector<X509Ptr> &others)
{
    // Self-signed: its own signature must verify. Issued by another certificate of the message: that one's.
    if (X509_check_issued(cert, cert) == X509_V_OK)
        return X509_verify(cert, X509_get0_pubkey(cert)) == 1
                   ? QString()
                   : QStringLiteral("the self-signed certificate's own signature does not verify");
    for (const auto &other : others)
        if (other.get() != cert && X509_check_issued(other.get(), cert) == X509_V_OK)
            return X509_verify(cert, X509_get0_pubkey(other.get())) == 1
                       ? QString()
                       : QStringLiteral("the certificate's signature by its issuer does not verify");
    return {};
}

QString chainProblem(X509 *cert, const std::vector<X509Ptr> &others, const QString &anchors,
                     std::optional<qint64> checkedAt)
{
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), X509_STORE_free);
    int loaded = 0;
    const QDir dir(anchors);
    for (const QString &name :
         dir.entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt")}, QDir::Files | QDir::Readable))
        if (X509_STORE_load_file(store.get(), QFile::encodeName(dir.filePath(name)).constData()) == 1)
            ++loaded;
    // An anchor may be any certificate of the chain, the signer's own included (pinned), not only a root.
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    if (loaded == 0)
        return QStringLiteral("no readable PEM certificate (*.pem, *.crt) in the trust anchor folder %1")
            .arg(anchors);
    // sk_X509_free is a macro: wrapped in a deleter. The stack does not own the certificates.
    auto freeStack = [](STACK_OF(X509) * s) {
        sk_X509_free(s);
    };
    std::unique_ptr<STACK_OF(X509), decltype(freeStack)> untrusted(sk_X509_new_null(), freeStack);
    for (const auto &other : others)
        if (other.get() != cert)
            sk_X509_push(untrusted.get(), other.get());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(),
                                                                        X509_STORE_CTX_free);
    if (X509_STORE_CTX_init(ctx.get(), store.get(), cert, untrusted.get()) != 1)
        return QStringLiteral("cannot prepare the certificate check");
    if (checkedAt)
        X509_STORE_CTX_set_time(ctx.get(), 0, time_t(*checkedAt));
    if (X509_verify_cert(ctx.get()) == 1)
        return {};
    return QStringLiteral("not recognised by the trust anchors of %1: %2")
        .arg(anchors, QString::fromUtf8(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()))));
}

struct Verified
{
    bool ok = false;
    bool digestFailed = false;
};

// One verification of `signature` with the public key of `cert`, restricted to what an enveloped signature
// of the whole document needs.
Verified verifyWith(xmlNode *signature, X509 *cert)
{
    std::unique_ptr<xmlSecDSigCtx, CtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
    if (!ctx)
        return {};
    EVP_PKEY *publicKey = X509_get_pubkey(cert); // a new reference, adopted below
    xmlSecKeyDataPtr data = publicKey ? xmlSecOpenSSLEvpKeyAdopt(publicKey) : nullptr;
    if (!data) {
        EVP_PKEY_free(publicKey);
        return {};
    }
    xmlSecKeyPtr key = xmlSecKeyCreate();
    if (!key || xmlSecKeySetValue(key, data) < 0) {
        xmlSecKeyDataDestroy(data);
        if (key)
            xmlSecKeyDestroy(key);
        return {};
    }
    ctx->signKey = key; // owned by the context from here
    ctx->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
    ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty;
    for (xmlSecTransformId id :
         {xmlSecTransformEnvelopedId, xmlSecTransformInclC14NId, xmlSecTransformInclC14NWithCommentsId,
          xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId, xmlSecTransformExclC14NId,
          xmlSecTransformExclC14NWithCommentsId,
          // The digest method is a transform of the reference too.
          xmlSecTransformSha1Id, xmlSecTransformSha256Id, xmlSecTransformSha384Id, xmlSecTransformSha512Id})
        if (xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id) < 0)
            return {};
    Verified out;
    if (xmlSecDSigCtxVerify(ctx.get(), signature) < 0)
        return out;
    out.ok = ctx->status == xmlSecDSigStatusSucceeded;
    const xmlSecSize n = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
    for (xmlSecSize i = 0; i < n; ++i) {
        auto *ref =
            static_cast<xmlSecDSigReferenceCtxPtr>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
        if (ref && ref->status != xmlSecDSigStatusSucceeded)
            out.digestFailed = true;
    }
    return out;
}

} // namespace

SignatureCheck verifyXmlSignature(const QByteArray &xml, const QString &trustAnchors,
                                  std::optional<qint64> checkedAt)
{
    // Unsigned documents (most) never reach libxml2.
    if (!xml.contains("http://www.w3.org/2000/09/xmldsig#"))
        return {};
    if (!initialise())
        return invalid("structure", QStringLiteral("the XML signature library could not be initialised"));
    xmlSetGenericErrorFunc(nullptr, silentXmlError);
    // No network, no DTD loading, no entity substitution: the document is only read to check its signature.
    // Blank text between elements is dropped, as published CAP is signed compact and then indented (see the
    // header).
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(xml.constData(), int(xml.size()), "feed.xml", nullptr,
                                                       XML_PARSE_NONET | XML_PARSE_NOBLANKS));
    if (!doc)
        return invalid("structure", QStringLiteral("the document is not well-formed XML"));
    xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!root)
        return invalid("structure", QStringLiteral("the document has no root element"));
    // Processing instructions and comments outside the root (an xml-stylesheet added by the publisher) are
    // no part of the alert read: the signature covers the root element.
    for (xmlNode *n = doc->children; n;) {
        xmlNode *next = n->next;
        if (n != root && (n->type == XML_PI_NODE || n->type == XML_COMMENT_NODE)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
        n = next;
    }
    const auto signatures = dsigChildren(root, "Signature");
    if (signatures.empty()) {
        if (xmlSecFindNode(root, xmlSecNodeSignature, xmlSecDSigNs))
            return invalid("structure",
                           QStringLiteral("a signature is present but not as a child of the root element: it "
                                          "does not sign the document read"));
        return {};
    }
    if (signatures.size() > 1)
        return invalid(
            "structure",
            QStringLiteral("%1 signatures on the root element; one expected").arg(signatures.size()));
    xmlNode *signature = signatures.front();
    const auto signedInfo = dsigChildren(signature, "SignedInfo");
    const auto references =
        signedInfo.size() == 1 ? dsigChildren(signedInfo.front(), "Reference") : std::vector<xmlNode *>{};
    if (references.size() != 1)
        return invalid("structure",
                       QStringLiteral("the signature must hold one SignedInfo with one Reference"));
    xmlChar *uri = xmlGetProp(references.front(), reinterpret_cast<const xmlChar *>("URI"));
    const bool wholeDocument = !uri || uri[0] == 0;
    xmlFree(uri);
    if (!wholeDocument)
        return invalid("structure",
                       QStringLiteral("the Reference does not have an empty URI: it signs a part "
                                      "of the document, not the alert read"));
    bool enveloped = false;
    for (xmlNode *transforms : dsigChildren(references.front(), "Transforms"))
        for (xmlNode *t : dsigChildren(transforms, "Transform")) {
            xmlChar *algorithm = xmlGetProp(t, reinterpret_cast<const xmlChar *>("Algorithm"));
            enveloped |= algorithm && xmlStrEqual(algorithm, xmlSecHrefEnveloped);
            xmlFree(algorithm);
        }
    if (!enveloped)
        return invalid("structure", QStringLiteral("the Reference lacks the enveloped-signature transform"));

    for (xmlNode *digest : dsigChildren(references.front(), "DigestValue"))
        if (!canonicalBase64(textOf(digest)))
            return invalid("digest", QStringLiteral("the DigestValue is not canonical base64 (altered)"));
    const auto values = dsigChildren(signature, "SignatureValue");
    if (values.size() != 1 || !canonicalBase64(textOf(values.front())))
        return invalid("signature value",
                       QStringLiteral("the SignatureValue is missing or not canonical base64 (altered)"));

    std::vector<X509Ptr> certificates;
    for (xmlNode *keyInfo : dsigChildren(signature, "KeyInfo"))
        for (xmlNode *x509Data : dsigChildren(keyInfo, "X509Data"))
            for (xmlNode *node : dsigChildren(x509Data, "X509Certificate")) {
                const auto der = canonicalBase64(textOf(node));
                if (!der)
                    return invalid("certificate",
                                   QStringLiteral("an X509Certificate is not canonical base64 (altered)"));
                const auto *p = reinterpret_cast<const unsigned char *>(der->constData());
                X509Ptr cert(d2i_X509(nullptr, &p, long(der->size())));
                if (!cert)
                    return invalid("certificate",
                                   QStringLiteral("an X509Certificate is not a DER certificate"));
                certificates.push_back(std::move(cert));
            }
    if (certificates.empty())
        return invalid("certificate", QStringLiteral("no X.509 certificate in the signature's KeyInfo"));

    // The signer is the certificate whose key verifies; the first one decides what failed when none does.
    bool digestFailed = false;
    X509 *signer = nullptr;
    for (const auto &cert : certificates) {
        const Verified v = verifyWith(signature, cert.get());
        if (&cert == &certificates.front())
            digestFailed = v.digestFailed;
        if (v.ok) {
            signer = cert.get();
            break;
        }
    }
    if (!signer)
        return digestFailed ? invalid("digest", QStringLiteral("the digest of the document does not match: "
                                                               "its content changed after signing"))
                            : invalid("signature value",
                                      QStringLiteral("the signature value does not verify with the key of "
                                                     "the certificate in KeyInfo"));
    if (const QString problem = opensslCertificateProblem(signer, certificates); !problem.isEmpty())
        return invalid("certificate", problem);
    if (trustAnchors.isEmpty())
        return {SignatureState::ValidUntrusted, {}, {}};
    if (const QString problem = chainProblem(signer, certificates, trustAnchors, checkedAt);
        !problem.isEmpty())
        return invalid("certificate", problem);
    return {SignatureState::Valid, {}, {}};
}

} // namespace vigie::feeds
