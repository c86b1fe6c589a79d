#include "dmworker.h"

#include "devicemapper.h"

DmWorker::DmWorker(QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_receiver(new QObject)
{
    m_thread->setObjectName(QStringLiteral("dm-worker"));
    m_receiver->moveToThread(m_thread.get());
    m_thread->start();
    // From now on only this thread may call libdevmapper.
    post([] { DeviceMapper::setUp(); }, true);
}

DmWorker::~DmWorker()
{
    QThread *thread = m_thread.get();
    post([thread] { thread->quit(); });
    m_thread->wait();
    delete m_receiver;
}

void DmWorker::post(std::function<void()> job, bool wait)
{
    QMetaObject::invokeMethod(m_receiver, std::move(job), wait ? Qt::BlockingQueuedConnection : Qt::QueuedConnection);
}
